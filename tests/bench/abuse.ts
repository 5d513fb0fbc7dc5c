/**
 * Abuse benchmark: `node --import tsx tests/bench/abuse.ts [--sockets 10000] [--per-address 20] [--junk 1000] [--calls 300] [--messages 300]`.
 *
 * Does hostile load reach the owner, or drop an honest viewer? The app runs in one process with
 * its real connection caps, the hostile load in another (abuseLoad.ts: `sockets` WebSockets to
 * /events and /chat that never send a byte, from many loopback source addresses so per-address
 * caps do not make it trivial, plus `junk` junk chat frames per second), and this process is the
 * honest side from 127.0.0.1: the owner's control socket and one viewer's chat socket, both open
 * before the load. It measures, first with no hostile load and then while the load is held, in one run:
 * the owner's control round trip (`server.status`, one call at a time) and a chat message's
 * delivery to the viewer (the owner sends with `chat.send`, the viewer's socket receives it).
 * Every step is bounded; the whole run takes well under a minute.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { FrameClient } from '../support/frameClient';
import { option } from './cliOption';
import { percentile, viewerToken, type LoadToParent, type ServerToParent } from './abuseShared';

const socketCount = Number(option('sockets', '10000'));
const perAddress = Number(option('per-address', '20'));
const junkPerSec = Number(option('junk', '1000'));
const calls = Number(option('calls', '300'));
const messages = Number(option('messages', '300'));
const STEP_MS = 30_000;
/** Opening ten thousand sockets through the caps' upgrade rate takes longer than one step. */
const OPEN_MS = 180_000;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function within<T>(promise: Promise<T>, what: string, ms = STEP_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)));
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function child(script: string, args: string[]): ChildProcess {
  return fork(here(script), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function nextMessage<T>(proc: ChildProcess, match: (m: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const listener = (m: unknown) => {
      if (!match(m as T)) return;
      proc.off('message', listener);
      resolve(m as T);
    };
    proc.on('message', listener);
  });
}

function opened(ws: WebSocket, firstFrame: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    if (firstFrame) ws.once('message', () => resolve());
    else ws.once('open', () => resolve());
  });
}

const server = child('./abuseServer.ts', []);
let load: ChildProcess | null = null;
try {
  const ready = await within(
    nextMessage<ServerToParent>(server, (m) => m.type === 'ready'),
    'starting the app',
  );
  const owner = await FrameClient.open(`ws://127.0.0.1:${ready.port}/control?session=${ready.ownerToken}`);
  const viewer = new WebSocket(`ws://127.0.0.1:${ready.port}/chat?token=${await viewerToken(ready.room, 'honest-viewer')}`, {
    perMessageDeflate: false,
  });
  await opened(viewer, true);
  let viewerDropped = false;
  viewer.once('close', () => (viewerDropped = true));

  const delivered = new Map<string, () => void>();
  viewer.on('message', (data: Buffer) => {
    const parsed = JSON.parse(data.toString()) as
      { type: string; message?: { text: string } } | { type: string; message?: { text: string } }[];
    for (const frame of Array.isArray(parsed) ? parsed : [parsed])
      if (frame.type === 'message' && frame.message) delivered.get(frame.message.text)?.();
  });

  async function measure(label: string): Promise<{ control: number[]; chat: number[] }> {
    const control: number[] = [];
    for (let i = 0; i < calls; i += 1) {
      const start = performance.now();
      await within(owner.call('server.status'), `${label}: a control call`);
      control.push(performance.now() - start);
    }
    const chat: number[] = [];
    for (let i = 0; i < messages; i += 1) {
      const text = `${label} ${i}`;
      const seen = new Promise<void>((resolve) => delivered.set(text, resolve));
      const start = performance.now();
      void owner.call('chat.send', { text });
      await within(seen, `${label}: a chat message reaching the viewer`);
      chat.push(performance.now() - start);
      delivered.delete(text);
    }
    return { control, chat };
  }

  // Warm-up (JIT, statements), not reported.
  await measure('warmup');
  const quiet = await measure('quiet');

  load = child('./abuseLoad.ts', [String(ready.port), ready.room, String(socketCount), String(junkPerSec), String(perAddress)]);
  const holding = await within(
    nextMessage<LoadToParent & { type: 'holding' }>(load, (m) => m.type === 'holding'),
    'opening the hostile sockets',
    OPEN_MS,
  );
  const first = await nextMessage<LoadToParent & { type: 'stats' }>(load, (m) => m.type === 'stats');
  const hostile = await measure('hostile');
  const last = await nextMessage<LoadToParent & { type: 'stats' }>(load, (m) => m.type === 'stats');
  const junkRate = ((last.junkSent - first.junkSent) / (last.at - first.at)) * 1000;
  // A viewer arriving now, from the honest address, while the hostile sockets are held.
  const late = new WebSocket(`ws://127.0.0.1:${ready.port}/chat?token=${await viewerToken(ready.room, 'late-viewer')}`, {
    perMessageDeflate: false,
  });
  const lateAnswer = await within(
    new Promise<string>((resolve) => {
      late.once('message', () => resolve('accepted'));
      late.once('unexpected-response', (_req, res) => resolve(`refused (HTTP ${res.statusCode})`));
      late.once('error', (error) => resolve(`failed (${error.message})`));
    }),
    'a late viewer connecting',
  );
  late.terminate();

  const row = (what: string, a: number[], b: number[], p: number) => {
    const [x, y] = [percentile(a, p), percentile(b, p)];
    return `| ${what} | ${x.toFixed(2)} | ${y.toFixed(2)} | ${(y / x).toFixed(2)}× |`;
  };
  console.log(
    [
      `Hostile load (separate process): ${holding.asked} silent WebSockets asked (half /events, half /chat with a viewer token each) from ${holding.addresses} loopback source addresses, ${perAddress} per address per endpoint; ` +
        `${holding.open} open after connecting (refused: ${holding.refused}; failed: ${holding.failed}), ${last.open} still open at the end; ` +
        `${Math.round(junkRate)} junk chat frames/s achieved (asked ${junkPerSec}) over 10 chat sockets from their own addresses, ${last.reconnects} reconnects after the server closed one; refusals over the whole run: ${last.refused}.`,
      `Honest viewer (127.0.0.1, connected before the load): ${viewerDropped ? 'DROPPED' : 'not dropped'}. A new viewer connecting from 127.0.0.1 under the load: ${lateAnswer}.`,
      `Honest side (this process): ${calls} sequential owner \`server.status\` calls and ${messages} owner \`chat.send\` → viewer deliveries per phase, after a warm-up phase.`,
      '',
      '| Measured (ms) | No hostile load | Under hostile load | Ratio |',
      '|---|---|---|---|',
      row('Owner control round trip p50', quiet.control, hostile.control, 50),
      row('Owner control round trip p99', quiet.control, hostile.control, 99),
      row('Chat delivery to a viewer p50', quiet.chat, hostile.chat, 50),
      row('Chat delivery to a viewer p99', quiet.chat, hostile.chat, 99),
    ].join('\n'),
  );
  owner.socket.terminate();
  viewer.terminate();
} finally {
  load?.send('stop');
  server.send('stop');
  await new Promise((resolve) => server.once('exit', resolve));
}
