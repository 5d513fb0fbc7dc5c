import { WATCH_TOKEN_PATH, WatchTokenResponseSchema, type WatchTokenRequest } from '../../../../../shared/contract/httpRoutes';

/**
 * The viewer's chat credentials: the same subscribe-only LiveKit token the watch page gets from
 * POST /api/watch/token, asked for with the viewer's chosen chat name. The identity the server
 * hands out is kept under the watch page's own sessionStorage key, so a viewer is one identity for
 * both the program and the chat (one name, one ban).
 */

/** Shared with src/renderer/src/watch/watchTokenClient.ts (same key, same meaning). */
const IDENTITY_KEY = 'airdeck.watch.identity';
const NAME_KEY = 'airdeck.chat.name';

export type ChatTicket = { kind: 'live'; token: string; identity: string } | { kind: 'waiting' } | { kind: 'failed'; message: string };

function read(storage: () => Storage, key: string): string | undefined {
  try {
    return storage().getItem(key) ?? undefined;
  } catch {
    return undefined; // storage disabled: the viewer is simply new each time
  }
}

function write(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value);
  } catch {
    // storage disabled; see read()
  }
}

/** The chat name this browser used last, if any. */
export function storedChatName(): string | undefined {
  return read(() => localStorage, NAME_KEY);
}

export function storeChatName(name: string): void {
  write(() => localStorage, NAME_KEY, name);
}

export async function requestChatTicket(name: string | undefined, signal?: AbortSignal): Promise<ChatTicket> {
  const identity = read(() => sessionStorage, IDENTITY_KEY);
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
    return { kind: 'failed', message: 'Cannot reach the chat server.' };
  }
  const envelope = (await response.json().catch(() => null)) as { ok?: unknown; value?: unknown; error?: { message?: unknown } } | null;
  if (!envelope || envelope.ok !== true) {
    const message = typeof envelope?.error?.message === 'string' ? envelope.error.message : `The chat server answered ${response.status}.`;
    return { kind: 'failed', message };
  }
  const parsed = WatchTokenResponseSchema.safeParse(envelope.value);
  if (!parsed.success) return { kind: 'failed', message: 'The chat server sent an answer this page does not understand.' };
  if (parsed.data.status === 'waiting') return { kind: 'waiting' };
  write(() => sessionStorage, IDENTITY_KEY, parsed.data.identity);
  return { kind: 'live', token: parsed.data.token, identity: parsed.data.identity };
}
