import { WATCH_TOKEN_PATH, WatchTokenResponseSchema, type WatchTokenRequest, type WatchTokenResponse } from '../../../shared/contract/httpRoutes';

/** A live stream this viewer may join. */
export type LiveTicket = Extract<WatchTokenResponse, { status: 'live' }>;

/** What asking the server for a viewer token can come back with. */
export type TokenAnswer = { kind: 'live'; ticket: LiveTicket } | { kind: 'waiting' } | { kind: 'failed'; message: string };

const TICKET_KEY = 'airdeck.watch.ticket';
const IDENTITY_KEY = 'airdeck.watch.identity';

/**
 * The signed reconnect ticket the server gave this tab, sent back on every re-request so a
 * reconnecting viewer stays one viewer (one chat name, one count). The server keeps an identity
 * only for its ticket, never for a bare identity. sessionStorage: per tab, gone with it.
 */
function storedTicket(): string | undefined {
  try {
    return sessionStorage.getItem(TICKET_KEY) ?? undefined;
  } catch {
    return undefined; // storage disabled: the server mints a fresh identity each time
  }
}

/** Keeps the ticket, and the identity it proves (for reading only: it is never sent). */
function storeTicket(ticket: LiveTicket): void {
  try {
    sessionStorage.setItem(TICKET_KEY, ticket.reconnectTicket);
    sessionStorage.setItem(IDENTITY_KEY, ticket.identity);
  } catch {
    // storage disabled; see storedTicket
  }
}

/**
 * Asks the embedded server for a viewer token (POST /api/watch/token). The LiveKit secret stays
 * on the server: the page only ever sees a short-lived, subscribe-only token. The viewer chat
 * asks through here too (with its chat name), so program and chat share one identity.
 */
export async function requestWatchToken(signal?: AbortSignal, name?: string): Promise<TokenAnswer> {
  const reconnectTicket = storedTicket();
  const body: WatchTokenRequest = { ...(reconnectTicket ? { reconnectTicket } : {}), ...(name ? { name } : {}) };
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
  storeTicket(parsed.data);
  return { kind: 'live', ticket: parsed.data };
}
