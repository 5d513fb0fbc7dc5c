/**
 * The benchmark's load generator, in its own process:
 * `chatBenchClients.ts <kind> <port> <viewers> <senders> <msgPerSec> <warmupS> <measureS> [steady|burst]`.
 * Opens the viewers, then has the senders send evenly spaced ~100-byte messages carrying their
 * send time; every viewer records the delay to each message sent inside the measured window.
 * In burst mode the senders instead send `msgPerSec` messages all at once, and the run also
 * records when the first ack and the first broadcast arrived.
 * Senders and viewers share one clock (this process), so no clock sync is involved.
 */
import { AccessToken } from 'livekit-server-sdk';
import { WebSocket } from 'ws';
import {
  BENCH_ROOM,
  cpuPercent,
  isAirdeck,
  LatencyHistogram,
  optionalImport,
  type ClientToParent,
  type LoadMode,
  type ServerKind,
} from './chatBenchShared';

const [kindArg, portArg, viewersArg, sendersArg, rateArg, warmupArg, measureArg, modeArg] = process.argv.slice(2);
const mode: LoadMode = modeArg === 'burst' ? 'burst' : 'steady';
const kind = kindArg as ServerKind;
const port = Number(portArg);
const viewers = Number(viewersArg);
const senders = Number(sendersArg);
const rate = Number(rateArg);
const warmupMs = Number(warmupArg) * 1000;
const measureMs = Number(measureArg) * 1000;
const tell = (message: ClientToParent) => process.send?.(message);

const histogram = new LatencyHistogram();
let delivered = 0;
let window = { start: Number.POSITIVE_INFINITY, end: Number.POSITIVE_INFINITY };
/** Burst bookkeeping: the first ack at a sender and the first broadcast at a viewer. */
let acks = 0;
let firstAckAt: number | null = null;
let firstBroadcast: { at: number; acks: number } | null = null;

function record(sentAt: number, receivedAt: number): void {
  if (sentAt >= window.start && sentAt < window.end) {
    firstBroadcast ??= { at: receivedAt, acks };
    histogram.add(receivedAt - sentAt);
    delivered += 1;
  }
}

/** Send time of each message in one server frame; frames are identical across viewers, so parse each once. */
let lastRaw = '';
let lastTimes: number[] = [];
function timesIn(raw: string, extract: (raw: string) => number[]): number[] {
  if (raw !== lastRaw) {
    lastRaw = raw;
    lastTimes = extract(raw);
  }
  return lastTimes;
}

function airdeckTimes(raw: string): number[] {
  const parsed = JSON.parse(raw) as { type: string; message?: { text: string } } | { type: string; message?: { text: string } }[];
  const frames = Array.isArray(parsed) ? parsed : [parsed];
  return frames.filter((f) => f.type === 'message' && f.message).map((f) => Number(f.message!.text.split(' ', 1)[0]));
}

function rawTimes(raw: string): number[] {
  return [(JSON.parse(raw) as { t: number }).t];
}

interface Conn {
  send(t: number, text: string): void;
  close(): void;
}

async function token(identity: string): Promise<string> {
  const at = new AccessToken('devkey', 'secret', { identity, name: identity, ttl: 3600, attributes: { 'airdeck.role': 'viewer' } });
  at.addGrant({ room: BENCH_ROOM, roomJoin: true, canSubscribe: true });
  return at.toJwt();
}

/** Counts acks in a frame a sender received (they are single frames, never batched). */
function countAck(raw: string, at: number): boolean {
  if (!raw.startsWith('{"type":"ack"')) return false;
  acks += 1;
  firstAckAt ??= at;
  return true;
}

async function connectWs(identity: string): Promise<Conn> {
  const airdeck = isAirdeck(kind);
  const url = airdeck ? `ws://127.0.0.1:${port}/chat?token=${await token(identity)}` : `ws://127.0.0.1:${port}/`;
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const extract = airdeck ? airdeckTimes : rawTimes;
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    if (airdeck)
      ws.once('message', () => resolve()); // the welcome
    else ws.once('open', () => resolve());
  });
  ws.on('message', (data: Buffer) => {
    const now = performance.now();
    const raw = data.toString();
    if (airdeck && countAck(raw, now)) return;
    for (const t of timesIn(raw, extract)) record(t, now);
  });
  return {
    send: (t, text) => ws.send(airdeck ? JSON.stringify({ type: 'send', text: `${t} ${text}` }) : JSON.stringify({ t, text })),
    close: () => ws.terminate(),
  };
}

interface SocketIoClientModule {
  io(
    url: string,
    options: Record<string, unknown>,
  ): {
    on(event: string, listener: (payload: { t: number }) => void): void;
    once(event: string, listener: (error?: unknown) => void): void;
    emit(event: string, payload: unknown): void;
    disconnect(): void;
  };
}

async function connectSocketIo(module: SocketIoClientModule): Promise<Conn> {
  const socket = module.io(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  socket.on('chat', (payload) => record(payload.t, performance.now()));
  return { send: (t, text) => socket.emit('chat', { t, text }), close: () => socket.disconnect() };
}

async function main(): Promise<void> {
  let connect: (identity: string) => Promise<Conn> = connectWs;
  if (kind === 'socketio') {
    const module = await optionalImport<SocketIoClientModule>('socket.io-client');
    if (!module) return void tell({ type: 'skipped', reason: 'socket.io-client is not installed' });
    connect = () => connectSocketIo(module);
  }
  const conns: Conn[] = [];
  for (let i = 0; i < viewers; i += 50) {
    const batch = Array.from({ length: Math.min(50, viewers - i) }, (_, j) => connect(`viewer-${i + j}`));
    conns.push(...(await Promise.all(batch)));
  }
  const senderConns = await Promise.all(Array.from({ length: senders }, (_, i) => connect(`sender-${i}`)));
  tell({ type: 'connected' });

  const padding = 'x'.repeat(80);
  const measured = mode === 'burst' ? burst(senderConns, padding) : await steady(senderConns, padding);
  const expected = measured.sent * (viewers + senders);
  // Let the backlog drain (bounded): late deliveries count, with their full latency.
  const drainUntil = performance.now() + (mode === 'burst' ? 30_000 : 10_000);
  while (delivered < expected && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 50));
  const result = {
    viewers,
    sent: measured.sent,
    delivered,
    expected,
    measureSeconds: mode === 'burst' ? (performance.now() - measured.at) / 1000 : measureMs / 1000,
    p50: histogram.percentile(50),
    p95: histogram.percentile(95),
    p99: histogram.percentile(99),
    max: histogram.max,
    clientCpuPercent: cpuPercent(measured.cpu, measured.at),
    burst:
      mode === 'burst' && firstAckAt !== null && firstBroadcast !== null
        ? { firstAckToFirstBroadcastMs: firstBroadcast.at - firstAckAt, acksBeforeFirstBroadcast: firstBroadcast.acks }
        : undefined,
  };
  for (const conn of [...conns, ...senderConns]) conn.close();
  tell({ type: 'done', result });
}

interface Measured {
  sent: number;
  at: number;
  cpu: NodeJS.CpuUsage;
}

/** Evenly spaced sends: warm-up, then the measured window. */
async function steady(senderConns: Conn[], padding: string): Promise<Measured> {
  const started = performance.now();
  let sent = 0;
  let sentInWindow = 0;
  let measureCpu = process.cpuUsage();
  let measureAt = started;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = performance.now();
      if (now - started >= warmupMs && window.start === Number.POSITIVE_INFINITY) {
        window = { start: now, end: now + measureMs };
        measureCpu = process.cpuUsage();
        measureAt = now;
        tell({ type: 'measuring' });
      }
      if (now >= window.end) {
        clearInterval(tick);
        resolve();
        return;
      }
      // Evenly spaced: send whatever is due by now, round-robin over the senders.
      const due = Math.floor(((now - started) * rate) / 1000);
      while (sent < due) {
        const t = performance.now();
        senderConns[sent % senders]!.send(t, padding);
        if (t >= window.start) sentInWindow += 1;
        sent += 1;
      }
    }, 2);
  });
  return { sent: sentInWindow, at: measureAt, cpu: measureCpu };
}

/** `rate` messages at once, round-robin over the senders: the whole burst is the measured window. */
function burst(senderConns: Conn[], padding: string): Measured {
  const at = performance.now();
  const cpu = process.cpuUsage();
  window = { start: at, end: Number.POSITIVE_INFINITY };
  tell({ type: 'measuring' });
  for (let i = 0; i < rate; i += 1) senderConns[i % senders]!.send(performance.now(), padding);
  return { sent: rate, at, cpu };
}

process.on('disconnect', () => process.exit(0));
void main().catch((error: unknown) => {
  process.stderr.write(`bench clients failed: ${String(error)}\n`);
  process.exit(1);
});
