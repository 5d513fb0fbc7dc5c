/**
 * The benchmark's load generator, in its own process:
 * `chatBenchClients.ts <kind> <port> <viewers> <senders> <msgPerSec> <warmupS> <measureS>`.
 * Opens the viewers, then has the senders send evenly spaced ~100-byte messages carrying their
 * send time; every viewer records the delay to each message sent inside the measured window.
 * Senders and viewers share one clock (this process), so no clock sync is involved.
 */
import { AccessToken } from 'livekit-server-sdk';
import { WebSocket } from 'ws';
import { BENCH_ROOM, cpuPercent, LatencyHistogram, optionalImport, type ClientToParent, type ServerKind } from './chatBenchShared';

const [kindArg, portArg, viewersArg, sendersArg, rateArg, warmupArg, measureArg] = process.argv.slice(2);
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

function record(sentAt: number, receivedAt: number): void {
  if (sentAt >= window.start && sentAt < window.end) {
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

async function connectWs(identity: string): Promise<Conn> {
  const url = kind === 'airdeck' ? `ws://127.0.0.1:${port}/chat?token=${await token(identity)}` : `ws://127.0.0.1:${port}/`;
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const extract = kind === 'airdeck' ? airdeckTimes : rawTimes;
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    if (kind === 'airdeck')
      ws.once('message', () => resolve()); // the welcome
    else ws.once('open', () => resolve());
  });
  ws.on('message', (data: Buffer) => {
    const now = performance.now();
    for (const t of timesIn(data.toString(), extract)) record(t, now);
  });
  return {
    send: (t, text) => ws.send(kind === 'airdeck' ? JSON.stringify({ type: 'send', text: `${t} ${text}` }) : JSON.stringify({ t, text })),
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
  const expected = sentInWindow * (viewers + senders);
  // Let the backlog drain (bounded): late deliveries count, with their full latency.
  const drainUntil = performance.now() + 10_000;
  while (delivered < expected && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 50));
  const result = {
    viewers,
    sent: sentInWindow,
    delivered,
    expected,
    measureSeconds: measureMs / 1000,
    p50: histogram.percentile(50),
    p95: histogram.percentile(95),
    p99: histogram.percentile(99),
    max: histogram.max,
    clientCpuPercent: cpuPercent(measureCpu, measureAt),
  };
  for (const conn of [...conns, ...senderConns]) conn.close();
  tell({ type: 'done', result });
}

process.on('disconnect', () => process.exit(0));
void main().catch((error: unknown) => {
  process.stderr.write(`bench clients failed: ${String(error)}\n`);
  process.exit(1);
});
