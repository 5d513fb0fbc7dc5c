/**
 * The hostile load for `abuse.ts`, in its own process: `abuseLoad.ts <port> <room> <sockets> <junkPerSec> <perAddress>`.
 * Opens `sockets` WebSockets that never send a byte, half to the viewers' /events socket and half
 * to /chat with a viewer token each, spread over many loopback source addresses (127.1.x.y, bound
 * with localAddress) at `perAddress` per endpoint, so the per-address caps do not stop them all
 * and the global ceiling is what holds. It also sends `junkPerSec` junk frames per second over ten
 * chat sockets (malformed JSON, unknown types, wrong field types, binary), each from its own
 * address, reconnecting from a fresh address whenever the server closes one (bounded).
 */
import WebSocket from 'ws';
import { viewerToken, type LoadToParent } from './abuseShared';

const [port, room, socketsArg, rateArg, perAddressArg] = process.argv.slice(2);
const asked = Number(socketsArg);
const junkPerSec = Number(rateArg);
const perAddress = Number(perAddressArg);
const JUNK_SOCKETS = 10;
const MAX_RECONNECTS = 2_000;
const JUNK = [
  'not json',
  '{"type":"nope"}',
  '{"type":"send","text":42}',
  '{"type":"send"}',
  '[1,2,3]',
  '{"type":"report","messageId":{}}',
  Buffer.from([0xff, 0x00, 0x13]),
];

/** The n-th hostile source address: 127.1.0.1, 127.1.0.2, … (127.0.0.1 stays the honest side's). */
const addressOf = (n: number): string => `127.1.${Math.floor(n / 250)}.${(n % 250) + 1}`;

const held: WebSocket[] = [];
let open = 0;
const refusedBy = new Map<number, number>();
let failed = 0;
let junkSent = 0;
let reconnects = 0;
let stopping = false;

function openHostile(url: string, localAddress: string): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, localAddress, handshakeTimeout: 30_000 });
    let state: 'pending' | 'open' | 'refused' = 'pending';
    ws.once('open', () => {
      state = 'open';
      open += 1;
      resolve();
    });
    ws.once('unexpected-response', (_req, res) => {
      state = 'refused';
      refusedBy.set(res.statusCode ?? 0, (refusedBy.get(res.statusCode ?? 0) ?? 0) + 1);
      res.resume();
      ws.terminate();
      resolve();
    });
    ws.on('error', () => {
      if (state === 'pending') failed += 1;
      resolve();
    });
    ws.once('close', () => {
      if (state === 'open') open -= 1;
      resolve();
    });
    held.push(ws);
  });
}

const base = `ws://127.0.0.1:${port}`;
const junkSockets: (WebSocket | null)[] = new Array(JUNK_SOCKETS).fill(null);
/** Opens junk sender `slot`; settles once it is open or refused. */
async function openJunk(slot: number): Promise<void> {
  if (stopping) return;
  // Junk senders come from addresses past the silent sockets' (the first 1 000), a fresh one per attempt.
  const from = addressOf(1_000 + slot * MAX_RECONNECTS + reconnects);
  const ws = new WebSocket(`${base}/chat?token=${await viewerToken(room!, `junk-${slot}-${reconnects}`)}`, {
    perMessageDeflate: false,
    localAddress: from,
  });
  ws.on('error', () => undefined);
  ws.once('close', () => {
    junkSockets[slot] = null;
    if (stopping || reconnects >= MAX_RECONNECTS) return;
    reconnects += 1;
    setTimeout(() => void openJunk(slot), 50);
  });
  await new Promise<void>((resolve) => {
    ws.once('open', () => resolve(void (junkSockets[slot] = ws)));
    ws.once('unexpected-response', (_req, res) => {
      refusedBy.set(res.statusCode ?? 0, (refusedBy.get(res.statusCode ?? 0) ?? 0) + 1);
      res.resume();
      resolve();
    });
    ws.once('error', () => resolve());
  });
}
// The junk senders connect first: once the silent sockets fill the global ceiling, nobody new gets in.
for (let slot = 0; slot < JUNK_SOCKETS; slot += 1) await openJunk(slot);

// Each address opens `perAddress` on /events and `perAddress` on /chat; a few hundred at a time.
let pending: Promise<void>[] = [];
let address = 0;
for (let i = 0; i < asked; address += 1) {
  const from = addressOf(address);
  for (let k = 0; k < perAddress && i < asked; k += 1, i += 1) pending.push(openHostile(`${base}/events`, from));
  for (let k = 0; k < perAddress && i < asked; k += 1, i += 1) {
    pending.push(openHostile(`${base}/chat?token=${await viewerToken(room!, `hostile-${address}-${k}`)}`, from));
  }
  if (pending.length >= 400) {
    await Promise.all(pending);
    pending = [];
  }
}
await Promise.all(pending);
const hostileAddresses = address;

const refused = () => [...refusedBy.entries()].map(([status, count]) => `${count}×${status}`).join(', ') || 'none';
process.send?.({ type: 'holding', open, asked, addresses: hostileAddresses, refused: refused(), failed } satisfies LoadToParent);

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
  process.send?.({ type: 'stats', open, junkSent, reconnects, refused: refused(), at: performance.now() } satisfies LoadToParent);
}, 500);

function stop(): void {
  stopping = true;
  clearInterval(junkTimer);
  clearInterval(statsTimer);
  for (const ws of held) ws.terminate();
  for (const ws of junkSockets) ws?.terminate();
  process.exit(0);
}
process.on('message', (message) => message === 'stop' && stop());
process.on('disconnect', stop);
