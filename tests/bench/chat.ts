/**
 * Chat fan-out benchmark: `node --import tsx tests/bench/chat.ts [--sizes 500,2000] [--seconds 10]
 * [--warmup 2] [--senders 10] [--rate 50] [--servers airdeck,airdecknormal,socketio,rawws]
 * [--burst 2000] [--burst-viewers 2000]`.
 *
 * For each audience size and server kind: the server runs in one process, all clients in another
 * (loopback). Senders post evenly spaced ~100-byte messages at `rate` msg/s in total; every viewer
 * records the delay of each message. Reports deliveries/s, p50/p95/p99 latency, server CPU and
 * peak RSS, and the client process's CPU (when it nears 100 % the client, not the server, is the
 * bottleneck). Each run is bounded; the whole benchmark takes a few minutes at most.
 *
 * Then the burst case, for both Airdeck sync levels: `--burst` messages sent at once to
 * `--burst-viewers` viewers; reports how long after the first ack the first broadcast arrived
 * (negative: before it), how many acks came first, and the latency percentiles of the burst.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  SERVER_KINDS,
  SERVER_LABEL,
  type ClientResult,
  type ClientToParent,
  type ServerKind,
  type ServerStats,
  type ServerToParent,
  type LoadMode,
} from './chatBenchShared';
import { option } from './cliOption';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const sizes = option('sizes', '500,2000').split(',').map(Number);
const seconds = Number(option('seconds', '10'));
const warmup = Number(option('warmup', '2'));
const senders = Number(option('senders', '10'));
const rate = Number(option('rate', '50'));
const servers = option('servers', SERVER_KINDS.join(',')).split(',') as ServerKind[];
const burstSize = Number(option('burst', '2000'));
const burstViewers = Number(option('burst-viewers', '2000'));
/** Hard cap per run: connecting thousands of clients, warm-up, measure, drain (10 s) and slack. */
const RUN_LIMIT_MS = (warmup + seconds + 150) * 1000;

type Row = { kind: ServerKind; size: number } & (
  { ok: true; client: ClientResult; server: ServerStats } | { ok: false; skipped: boolean; reason: string }
);

/**
 * CPU and memory of a child read from /proc by this (idle) process: a saturated server answers
 * IPC late, so asking it to time itself would measure the wrong window.
 */
function cpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100/s on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    // The child has exited: null is reported as "no reading", not as zero.
    return null;
  }
}

function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    // The child has exited: null is reported as "no reading", not as zero.
    return null;
  }
}

/** Samples a child's CPU and peak RSS from now until `stop`. */
function watch(pid: number): { stop(): (ServerStats & { cpuSeconds: number }) | null } {
  const cpuStart = cpuSeconds(pid);
  const wallStart = performance.now();
  let maxRss = rssMb(pid) ?? 0;
  const timer = setInterval(() => (maxRss = Math.max(maxRss, rssMb(pid) ?? 0)), 200);
  return {
    stop() {
      clearInterval(timer);
      const cpuEnd = cpuSeconds(pid);
      if (cpuStart === null || cpuEnd === null) return null;
      return {
        cpuPercent: ((cpuEnd - cpuStart) / ((performance.now() - wallStart) / 1000)) * 100,
        cpuSeconds: cpuEnd - cpuStart,
        maxRssMb: Math.max(maxRss, rssMb(pid) ?? 0),
      };
    },
  };
}

function start(script: string, args: string[]): ChildProcess {
  return fork(here(script), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function next<T>(child: ChildProcess, accept: (message: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      if (!accept(message)) return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`${child.spawnfile} exited (${code})`)));
  });
}

async function run(kind: ServerKind, size: number, mode: LoadMode = 'steady'): Promise<Row> {
  const server = start('./chatBenchServer.ts', [kind]);
  let clients: ChildProcess | null = null;
  let timedOut = false;
  const limit = setTimeout(() => {
    timedOut = true;
    server.kill('SIGKILL');
    clients?.kill('SIGKILL');
  }, RUN_LIMIT_MS);
  try {
    const ready = await next<ServerToParent>(server, (m) => m.type === 'ready' || m.type === 'skipped');
    if (ready.type === 'skipped') return { kind, size, ok: false, skipped: true, reason: ready.reason };
    if (ready.type !== 'ready') throw new Error('unexpected message');
    clients = start('./chatBenchClients.ts', [
      kind,
      String(ready.port),
      String(size),
      String(senders),
      String(mode === 'burst' ? burstSize : rate),
      String(warmup),
      String(seconds),
      mode,
    ]);
    const client = clients;
    let serverWatch: ReturnType<typeof watch> | null = null;
    let clientWatch: ReturnType<typeof watch> | null = null;
    client.on('message', (m: ClientToParent) => {
      if (m.type !== 'measuring') return;
      server.send({ type: 'mark' });
      if (server.pid !== undefined) serverWatch = watch(server.pid);
      if (client.pid !== undefined) clientWatch = watch(client.pid);
    });
    const done = await next<ClientToParent>(client, (m) => m.type === 'done' || m.type === 'skipped');
    // Same window as the latencies: from the first measured send until the backlog drained.
    const serverMeasured = (serverWatch as ReturnType<typeof watch> | null)?.stop() ?? null;
    const clientMeasured = (clientWatch as ReturnType<typeof watch> | null)?.stop() ?? null;
    if (done.type === 'skipped') return { kind, size, ok: false, skipped: true, reason: done.reason };
    if (done.type !== 'done') throw new Error('unexpected message');
    const stats = next<ServerToParent>(server, (m) => m.type === 'stats');
    server.send({ type: 'report' });
    const reply = await stats;
    if (reply.type !== 'stats') throw new Error('unexpected message');
    return {
      kind,
      size,
      ok: true,
      client: clientMeasured ? { ...done.result, clientCpuPercent: clientMeasured.cpuPercent } : done.result,
      server: serverMeasured ?? reply.stats,
    };
  } catch (error) {
    const reason = timedOut ? `timed out after ${RUN_LIMIT_MS / 1000} s` : error instanceof Error ? error.message : String(error);
    return { kind, size, ok: false, skipped: false, reason };
  } finally {
    clearTimeout(limit);
    server.kill();
    clients?.kill();
  }
}

function fmt(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

type MeasuredRow = Extract<Row, { ok: true }>;

/**
 * A markdown table of runs: a failed or skipped run fills its first cells with why and leaves the
 * rest empty; `cellsOf` gives a measured run's cells after the server and viewer columns.
 */
function runTable(header: string[], rows: Row[], cellsOf: (row: MeasuredRow) => string[]): string {
  const lines = rows.map((row) => {
    const lead = [SERVER_LABEL[row.kind], String(row.size)];
    if (row.ok) return [...lead, ...cellsOf(row)];
    return [...lead, `${row.skipped ? 'skipped' : 'FAILED'}: ${row.reason}`, ...Array.from({ length: header.length - 3 }, () => '')];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [render(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(render)].join('\n');
}

function table(rows: Row[]): string {
  const header = [
    'server',
    'viewers',
    'deliveries/s',
    'delivered',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'server CPU %',
    'server CPU µs/delivery',
    'server RSS MB',
    'client CPU %',
  ];
  return runTable(header, rows, ({ client: c, server }) => [
    fmt(c.delivered / c.measureSeconds, 0),
    `${fmt((c.delivered / Math.max(1, c.expected)) * 100, 2)} %`,
    fmt(c.p50),
    fmt(c.p95),
    fmt(c.p99),
    fmt(c.max),
    fmt(server.cpuPercent, 0),
    server.cpuSeconds === undefined ? '–' : fmt((server.cpuSeconds * 1e6) / Math.max(1, c.delivered), 1),
    fmt(server.maxRssMb, 0),
    fmt(c.clientCpuPercent, 0),
  ]);
}

/** The burst table: first ack vs first broadcast, and the burst's latency. */
function burstTable(rows: Row[]): string {
  const header = [
    'server',
    'viewers',
    'burst msgs',
    'delivered',
    'first ack → first broadcast ms',
    'acks before first broadcast',
    'p50 ms',
    'p99 ms',
    'max ms',
    'server CPU s',
  ];
  return runTable(header, rows, ({ client: c, server }) => [
    String(c.sent),
    `${fmt((c.delivered / Math.max(1, c.expected)) * 100, 2)} %`,
    c.burst ? fmt(c.burst.firstAckToFirstBroadcastMs) : '–',
    c.burst ? String(c.burst.acksBeforeFirstBroadcast) : '–',
    fmt(c.p50),
    fmt(c.p99),
    fmt(c.max),
    server.cpuSeconds === undefined ? '–' : fmt(server.cpuSeconds, 2),
  ]);
}

const rows: Row[] = [];
const began = Date.now();
for (const size of sizes) {
  for (const kind of servers) {
    process.stderr.write(`chat bench: ${SERVER_LABEL[kind]}, ${size} viewers ...\n`);
    rows.push(await run(kind, size));
  }
}
process.stdout.write(
  `\nChat fan-out: ${senders} senders, ${rate} msg/s total, ~100-byte messages, ${seconds} s measured after ${warmup} s warm-up;\n` +
    `server and clients in separate processes on loopback. Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ` +
    `${fmt(totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}. Total ${fmt((Date.now() - began) / 1000, 0)} s.\n` +
    `CPU is % of one core. A client CPU near 100 % means the load generator, not the server, limits the numbers.\n\n`,
);
process.stdout.write(`${table(rows)}\n`);

if (burstSize > 0) {
  const burstRows: Row[] = [];
  for (const kind of ['airdeck', 'airdecknormal'] as const) {
    process.stderr.write(`chat bench: burst of ${burstSize} to ${burstViewers} viewers, ${SERVER_LABEL[kind]} ...\n`);
    burstRows.push(await run(kind, burstViewers, 'burst'));
  }
  process.stdout.write(
    `\nBurst: ${burstSize} messages sent at once by ${senders} senders to ${burstViewers} viewers. "First ack → first broadcast" is ` +
      `when the first broadcast reached any client minus when the first ack reached a sender (negative: the broadcast came first).\n\n`,
  );
  process.stdout.write(`${burstTable(burstRows)}\n`);
}
