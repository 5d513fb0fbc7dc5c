import { requestWatchToken } from '../../../pageKit/watchToken';

/**
 * The viewer's chat credentials: the same subscribe-only LiveKit token the watch page gets from
 * POST /api/watch/token (through the watch page's token client), asked for with the viewer's
 * chosen chat name, so a viewer is one identity for both the program and the chat (one name, one ban).
 * That client sends the tab's signed reconnect ticket, never a bare identity, so the chat cannot be
 * used to claim someone else's identity either.
 */

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
  const answer = await requestWatchToken(signal, name);
  if (answer.kind !== 'live') return answer;
  return { kind: 'live', token: answer.ticket.token, identity: answer.ticket.identity };
}
