import type { z } from 'zod';

/** Turns zod issues into one short sentence a person can act on ("title: Too big; tags: Required"). */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
