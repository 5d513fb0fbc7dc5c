/**
 * A viewer's chat from Node, as the watch page does it: a viewer token from POST /api/watch/token,
 * then the chat socket. For specs that need many messages (queue items, floods) without a
 * browser page per chatter.
 */
import WebSocket from 'ws';

export interface ViewerChat {
  identity: string;
  send(text: string): void;
  close(): void;
}

export async function openViewerChat(baseUrl: string, name: string): Promise<ViewerChat> {
  const response = await fetch(new URL('/api/watch/token', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: { token: string; identity: string }; error?: unknown };
  if (!envelope.ok || !envelope.value) throw new Error(`watch token refused: ${JSON.stringify(envelope.error)}`);
  const { token, identity } = envelope.value;
  const url = new URL(`/chat?token=${encodeURIComponent(token)}`, baseUrl);
  url.protocol = 'ws:';
  const socket = new WebSocket(url);
  // The server speaks first (welcome); sending before it would race the join.
  await new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve());
    socket.once('error', reject);
    socket.once('close', (code) => reject(new Error(`chat socket closed (${code}) before the welcome`)));
  });
  return {
    identity,
    send: (text) => socket.send(JSON.stringify({ type: 'send', text })),
    close: () => socket.close(),
  };
}
