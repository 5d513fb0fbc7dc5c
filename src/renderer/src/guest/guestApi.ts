import { z } from 'zod';
import {
  GUEST_CHECK_PATH,
  GUEST_REDEEM_PATH,
  GUEST_REQUEST_PATH,
  GUEST_SESSION_PATH,
  GUEST_WITHDRAW_PATH,
  GuestCheckResponseSchema,
  GuestRedeemResponseSchema,
  GuestSessionResponseSchema,
  type GuestCheckResponse,
  type GuestRedeemResponse,
  type GuestSessionResponse,
} from '../../../shared/contract/httpRoutes';

/** An answer from a guest route: the value, or a message to show and the server's error code. */
export type ApiAnswer<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/** The fetch the routes use; injected so the envelope handling is testable in Node. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Error code for "the server could not be reached at all" (never sent by the server itself). */
export const UNREACHABLE = 'unreachable';

/**
 * POSTs JSON to a guest route and unwraps the result envelope. Every failure becomes a message
 * the page can show as is: the server's own `error.message`, or a sentence for a network
 * failure or an answer this page does not understand.
 */
export async function postGuestRoute<S extends z.ZodType>(path: string, body: unknown, schema: S, fetchImpl: FetchLike = fetch): Promise<ApiAnswer<z.infer<S>>> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, code: UNREACHABLE, message: 'Cannot reach the studio. Check your connection; the page keeps trying.' };
  }
  const envelope = (await response.json().catch(() => null)) as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  if (!envelope || envelope.ok !== true) {
    const message = typeof envelope?.error?.message === 'string' ? envelope.error.message : `The studio answered ${response.status}.`;
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
  if (!parsed.success) return { ok: false, code: 'bad_answer', message: 'The studio sent an answer this page does not understand. Reload the page.' };
  return { ok: true, value: parsed.data };
}

const RedeemAnswerSchema = GuestRedeemResponseSchema;

/** The five guest routes, bound to one fetch. */
export interface GuestApi {
  check(code: string): Promise<ApiAnswer<GuestCheckResponse>>;
  redeem(code: string, name: string): Promise<ApiAnswer<GuestRedeemResponse>>;
  session(guestToken: string): Promise<ApiAnswer<GuestSessionResponse>>;
  request(guestToken: string, devices: { camera: boolean; microphone: boolean }): Promise<ApiAnswer<unknown>>;
  withdraw(guestToken: string): Promise<ApiAnswer<unknown>>;
}

/** The guest routes of the embedded server (same origin as the page). */
export function createGuestApi(fetchImpl: FetchLike = (input, init) => fetch(input, init)): GuestApi {
  // request and withdraw answer with whatever the server finds useful; the page re-reads the
  // session right after, so their value is not interpreted here.
  const anything = z.unknown();
  return {
    check: (code) => postGuestRoute(GUEST_CHECK_PATH, { code }, GuestCheckResponseSchema, fetchImpl),
    redeem: (code, name) => postGuestRoute(GUEST_REDEEM_PATH, { code, name }, RedeemAnswerSchema, fetchImpl),
    session: (guestToken) => postGuestRoute(GUEST_SESSION_PATH, { guestToken }, GuestSessionResponseSchema, fetchImpl),
    request: (guestToken, devices) => postGuestRoute(GUEST_REQUEST_PATH, { guestToken, devices }, anything, fetchImpl),
    withdraw: (guestToken) => postGuestRoute(GUEST_WITHDRAW_PATH, { guestToken }, anything, fetchImpl),
  };
}
