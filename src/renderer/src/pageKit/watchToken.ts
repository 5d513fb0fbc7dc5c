import { postPublicRoute, type FetchLike, type RouteWording } from './publicRoute';
import {
  WATCH_TOKEN_PATH,
  WatchTokenResponseSchema,
  type WatchTokenRequest,
  type WatchTokenResponse,
} from '../../../shared/contract/httpRoutes';

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

/** The viewer page speaks of "the stream server". */
const STREAM_WORDING: RouteWording = {
  unreachable: 'Cannot reach the stream server.',
  status: (status) => `The stream server answered ${status}.`,
  badAnswer: 'The stream server sent an answer this page does not understand.',
};

/**
 * Asks the embedded server for a viewer token (POST /api/watch/token). The LiveKit secret stays
 * on the server: the page only ever sees a short-lived, subscribe-only token. The viewer chat
 * asks through here too (with its chat name), so program and chat share one identity.
 */
export async function requestWatchToken(signal?: AbortSignal, name?: string): Promise<TokenAnswer> {
  const reconnectTicket = storedTicket();
  const body: WatchTokenRequest = { ...(reconnectTicket ? { reconnectTicket } : {}), ...(name ? { name } : {}) };
  const fetchWithSignal: FetchLike = (input, init) => fetch(input, { ...init, signal });
  const answer = await postPublicRoute(WATCH_TOKEN_PATH, body, WatchTokenResponseSchema, fetchWithSignal, STREAM_WORDING);
  if (!answer.ok) return { kind: 'failed', message: answer.message };
  if (answer.value.status === 'waiting') return { kind: 'waiting' };
  storeTicket(answer.value);
  return { kind: 'live', ticket: answer.value };
}
