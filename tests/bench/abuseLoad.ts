/**
 * The hostile load for `abuse.ts`, in its own process: `abuseLoad.ts <port> <room> <idle> <junkPerSec>`.
 * Holds `idle` TCP connections open that never send a byte (a slowloris that does not even start),
 * and sends `junkPerSec` junk frames per second over ten viewer chat sockets (malformed JSON, unknown
 * types, wrong field types, binary), reconnecting any socket the server closes (bounded).
 */
import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';
import { viewerToken, type LoadToParent } from './abuseShared';

const [port, room, idleArg, rateArg] = process.argv.slice(2);
const idleAsked = Number(idleArg);
const junkPerSec = Number(rateArg);
const JUNK_SOCKETS = 10;
const MAX_RECONNECTS = 2_000;
const JUNK = ['not json', '{"type":"nope"}', '{"type":"send","text":42}', '{"type":"send"}', '[1,2,3]', '{"type":"report","messageId":{}}', Buffer.from([0xff, 0x00, 0x13])];

const idle: Socket[] = [];
let idleOpen = 0;
let junkSent = 0;
let reconnects = 0;
let refused = 0;
let stopping = false;

function openIdle(): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let counted = false;
    socket.once('connect', () => {
      counted = true;
      idleOpen += 1;
      resolve();
    });
    socket.once('error', () => resolve());
    socket.once('close', () => {
      if (counted) idleOpen -= 1;
      resolve();
    });
    idle.push(socket);
  });
}

const junkSockets: (WebSocket | null)[] = new Array(JUNK_SOCKETS).fill(null);
async function openJunk(slot: number): Promise<void> {
  if (stopping) return;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/chat?token=${await viewerToken(room!, `hostile-${slot}-${reconnects}`)}`, { perMessageDeflate: false });
  ws.on('unexpected-response', () => (refused += 1));
  ws.on('error', () => undefined);
  ws.once('open', () => (junkSockets[slot] = ws));
  ws.once('close', () => {
    junkSockets[slot] = null;
    if (stopping || reconnects >= MAX_RECONNECTS) return;
    reconnects += 1;
    setTimeout(() => void openJunk(slot), 50);
  });
}

for (let i = 0; i < idleAsked; i += 200) {
  await Promise.all(Array.from({ length: Math.min(200, idleAsked - i) }, () => openIdle()));
}
for (let slot = 0; slot < JUNK_SOCKETS; slot += 1) await openJunk(slot);
process.send?.({ type: 'holding', idleOpen, idleAsked } satisfies LoadToParent);

// Ten ticks a second, each sending a tenth of the per-second junk spread over the open sockets.
let next = 0;
const junkTimer = setInterval(() => {
  for (let i = 0; i < junkPerSec / 10; i += 1) {
    const ws = junkSockets[next++ % JUNK_SOCKETS];
    if (ws?.readyState !== WebSocket.OPEN) continue;
    ws.send(JUNK[junkSent % JUNK.length]!);
    junkSent += 1;
  }
}, 100);
const statsTimer = setInterval(() => {
  process.send?.({ type: 'stats', idleOpen, junkSent, reconnects, refused, at: performance.now() } satisfies LoadToParent);
}, 500);

function stop(): void {
  stopping = true;
  clearInterval(junkTimer);
  clearInterval(statsTimer);
  for (const socket of idle) socket.destroy();
  for (const ws of junkSockets) ws?.terminate();
  process.exit(0);
}
process.on('message', (message) => message === 'stop' && stop());
process.on('disconnect', stop);
