/**
 * Pieces shared by the chat benchmark's processes: the server kinds, the IPC messages between
 * the orchestrator and its children, and a fixed-bucket latency histogram (cheap to fill with
 * millions of samples, exact to 0.1 ms).
 */

export const SERVER_KINDS = ['airdeck', 'airdecknormal', 'socketio', 'rawws'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

export const SERVER_LABEL: Record<ServerKind, string> = {
  airdeck: 'Airdeck chat (batched, stored, sync FULL)',
  airdecknormal: 'Airdeck chat, sync NORMAL (comparison)',
  socketio: 'Socket.IO 4 room broadcast',
  rawws: 'raw ws broadcast loop',
};

/** Both Airdeck kinds speak the app's chat protocol; they differ only in the commit's sync level. */
export function isAirdeck(kind: ServerKind): boolean {
  return kind === 'airdeck' || kind === 'airdecknormal';
}

/** `steady`: evenly spaced sends for the measured window; `burst`: all messages sent at once. */
export type LoadMode = 'steady' | 'burst';

/** What a burst run adds: how the first broadcast relates to the first acknowledgement. */
export interface BurstResult {
  /** First broadcast received by a viewer minus first ack received by a sender (negative: broadcast first). */
  firstAckToFirstBroadcastMs: number;
  /** Acks the senders had received when the first broadcast reached a viewer. */
  acksBeforeFirstBroadcast: number;
}

/** The room every server kind uses. */
export const BENCH_ROOM = 'bench-room';

export interface ServerStats {
  cpuPercent: number;
  maxRssMb: number;
  /** CPU time over the measured window (when read from /proc). */
  cpuSeconds?: number;
}

export interface ClientResult {
  viewers: number;
  sent: number;
  delivered: number;
  expected: number;
  measureSeconds: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  clientCpuPercent: number;
  burst?: BurstResult;
}

export type ServerToParent = { type: 'ready'; port: number } | { type: 'stats'; stats: ServerStats } | { type: 'skipped'; reason: string };
export type ParentToServer = { type: 'mark' } | { type: 'report' };
export type ClientToParent =
  { type: 'connected' } | { type: 'measuring' } | { type: 'done'; result: ClientResult } | { type: 'skipped'; reason: string };

/** Latency histogram with 0.1 ms buckets up to 30 s. */
export class LatencyHistogram {
  private readonly buckets = new Uint32Array(300_000);
  count = 0;
  max = 0;

  add(ms: number): void {
    const index = Math.min(this.buckets.length - 1, Math.max(0, Math.round(ms * 10)));
    this.buckets[index] = (this.buckets[index] ?? 0) + 1;
    this.count += 1;
    if (ms > this.max) this.max = ms;
  }

  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const target = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i += 1) {
      seen += this.buckets[i] ?? 0;
      if (seen >= target) return i / 10;
    }
    return this.max;
  }
}

/** CPU used by this process between two readings, as % of one core. */
export function cpuPercent(start: NodeJS.CpuUsage, startedAt: number): number {
  const used = process.cpuUsage(start);
  const wallMs = performance.now() - startedAt;
  return wallMs > 0 ? ((used.user + used.system) / 1000 / wallMs) * 100 : 0;
}

/** Imports a package that may not be installed, without making the type checker require it. */
export async function optionalImport<T>(name: string): Promise<T | null> {
  try {
    return (await import(name)) as T;
  } catch {
    // Not installed: the caller skips what needs it and says so.
    return null;
  }
}
