import type { z } from 'zod';

/** An answer from a public route (guest or viewer page): the value, or a message to show and the server's error code. */
export type ApiAnswer<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/** The fetch the routes use; injected so the envelope handling is testable in Node. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Error code for "the server could not be reached at all" (never sent by the server itself). */
export const UNREACHABLE = 'unreachable';

/** The sentences a page shows for failures the server did not word itself. */
export interface RouteWording {
  unreachable: string;
  status: (status: number) => string;
  badAnswer: string;
}

/** The guest page speaks of "the studio". */
export const STUDIO_WORDING: RouteWording = {
  unreachable: 'Cannot reach the studio. Check your connection; the page keeps trying.',
  status: (status) => `The studio answered ${status}.`,
  badAnswer: 'The studio sent an answer this page does not understand. Reload the page.',
};

/**
 * POSTs JSON to a public route of the embedded server and unwraps the result envelope. Every failure becomes a message
 * the page can show as is: the server's own `error.message`, or a sentence for a network
 * failure or an answer this page does not understand.
 */
export async function postPublicRoute<S extends z.ZodType>(
  path: string,
  body: unknown,
  schema: S,
  fetchImpl: FetchLike = fetch,
  wording: RouteWording = STUDIO_WORDING,
): Promise<ApiAnswer<z.infer<S>>> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    // fetch rejects only when no answer came at all; the page says so and keeps trying
    return { ok: false, code: UNREACHABLE, message: wording.unreachable };
  }
  // An answer that is not JSON (a proxy's error page) reads as no envelope.
  const envelope = (await response.json().catch(() => null)) as {
    ok?: unknown;
    value?: unknown;
    error?: { code?: unknown; message?: unknown };
  } | null;
  if (!envelope || envelope.ok !== true) {
    const message = typeof envelope?.error?.message === 'string' ? envelope.error.message : wording.status(response.status);
    const code = typeof envelope?.error?.code === 'string' ? envelope.error.code : `http_${response.status}`;
    return { ok: false, code, message };
  }
  let parsed: { success: true; data: z.infer<S> } | { success: false };
  try {
    const result = schema.safeParse(envelope.value);
    parsed = result.success ? { success: true, data: result.data as z.infer<S> } : { success: false };
  } catch {
    parsed = { success: false }; // a schema that cannot parse at all must not leave a button stuck
  }
  if (!parsed.success) return { ok: false, code: 'bad_answer', message: wording.badAnswer };
  return { ok: true, value: parsed.data };
}
