import { WATCH_TOKEN_PATH, WatchTokenResponseSchema, type WatchTokenRequest, type WatchTokenResponse } from '../../../shared/contract/httpRoutes';

/** A live stream this viewer may join. */
export type LiveTicket = Extract<WatchTokenResponse, { status: 'live' }>;

/** What asking the server for a viewer token can come back with. */
export type TokenAnswer = { kind: 'live'; ticket: LiveTicket } | { kind: 'waiting' } | { kind: 'failed'; message: string };

const IDENTITY_KEY = 'airdeck.watch.identity';

/**
 * The viewer identity the server gave this tab, sent back on every re-request so a reconnecting
 * viewer stays one viewer (one chat name, one count). sessionStorage: per tab, gone with it.
 */
function storedIdentity(): string | undefined {
  try {
    return sessionStorage.getItem(IDENTITY_KEY) ?? undefined;
  } catch {
    return undefined; // storage disabled: the server mints a fresh identity each time
  }
}

function storeIdentity(identity: string): void {
  try {
    sessionStorage.setItem(IDENTITY_KEY, identity);
  } catch {
    // storage disabled; see storedIdentity
  }
}

/**
 * Asks the embedded server for a viewer token (POST /api/watch/token). The LiveKit secret stays
 * on the server: the page only ever sees a short-lived, subscribe-only token. The viewer chat
 * asks through here too (with its chat name), so program and chat share one identity.
 */
export async function requestWatchToken(signal?: AbortSignal, name?: string): Promise<TokenAnswer> {
  const identity = storedIdentity();
  const body: WatchTokenRequest = { ...(identity ? { identity } : {}), ...(name ? { name } : {}) };
  let response: Response;
  try {
    response = await fetch(WATCH_TOKEN_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
      signal,
    });
  } catch {
    return { kind: 'failed', message: 'Cannot reach the stream server.' };
  }
  const envelope = (await response.json().catch(() => null)) as { ok?: unknown; value?: unknown; error?: { message?: unknown } } | null;
  if (!envelope || envelope.ok !== true) {
    const message = typeof envelope?.error?.message === 'string' ? envelope.error.message : `The stream server answered ${response.status}.`;
    return { kind: 'failed', message };
  }
  const parsed = WatchTokenResponseSchema.safeParse(envelope.value);
  if (!parsed.success) return { kind: 'failed', message: 'The stream server sent an answer this page does not understand.' };
  if (parsed.data.status === 'waiting') return { kind: 'waiting' };
  storeIdentity(parsed.data.identity);
  return { kind: 'live', ticket: parsed.data };
}
