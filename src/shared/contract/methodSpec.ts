import { z } from 'zod';

/**
 * Building blocks of the studio contract. Feature contracts (chat, stream, stage…) import these
 * instead of `studioApi.ts`, which imports them — so there is no import cycle.
 */

export const SessionRoleSchema = z.enum(['owner', 'moderator']);
export type SessionRole = z.infer<typeof SessionRoleSchema>;

export const OWNER = ['owner'] as const;
export const OWNER_AND_MODERATOR = ['owner', 'moderator'] as const;

export interface MethodSpec<P extends z.ZodType, R extends z.ZodType> {
  params: P;
  result: R;
  roles: readonly SessionRole[];
  /** One line for docs and error messages. */
  summary: string;
}

export function method<P extends z.ZodType, R extends z.ZodType>(spec: MethodSpec<P, R>): MethodSpec<P, R> {
  return spec;
}
