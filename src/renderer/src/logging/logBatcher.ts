import { DIAGNOSTICS_LIMITS, type RendererReport } from '../../../shared/contract/diagnosticsApi';

/** Sends one batch to main; rejects when it could not. */
export type ReportSender = (reports: RendererReport[]) => Promise<unknown>;

/** How much one send may carry: the transport's own cap (the public route takes small bodies). */
export interface SendLimits {
  batchSize: number;
  bodyBytes: number;
}

/** The timers the batcher waits with; injected so tests decide when a flush happens. */
export interface BatchTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const LOG_BATCHING = {
  /** Reports wait this long for company, so an error burst leaves as one request. */
  flushAfterMs: 1_000,
  /** Reports kept while nothing can be sent (before the transport is connected, or while it fails). */
  maxQueued: 50,
} as const;

/** Room left for the batch's envelope (`{"page":"watch","reports":[…]}`). */
const ENVELOPE_BYTES = 64;
/** A UTF-8 character takes at most this many bytes, so cutting to bytes / 3 characters always fits. */
const MAX_BYTES_PER_CHAR = 3;

const bytesOf = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * A report cut down to fit `room` bytes (what the batch's envelope leaves): the detail goes first,
 * then the message is shortened to what is left once the report's own keys and separator are paid.
 */
function shrink(report: RendererReport, room: number): RendererReport {
  const ownBytes = bytesOf({ level: report.level, message: '' }) + 1;
  const message = report.message.slice(0, Math.max(1, Math.floor((room - ownBytes) / MAX_BYTES_PER_CHAR)));
  return { level: report.level, message };
}

/**
 * Collects reports and sends them in batches once a transport is connected. Reports that cannot
 * be kept (too many waiting) are counted, and the count is reported in their place, so a flood
 * shows up in the log as one line instead of vanishing.
 */
export class LogBatcher {
  private queue: RendererReport[] = [];
  private dropped = 0;
  private timer: unknown;
  private sender: ReportSender | null = null;
  private limits: SendLimits = { batchSize: DIAGNOSTICS_LIMITS.batchSize, bodyBytes: Number.POSITIVE_INFINITY };

  constructor(private readonly timers: BatchTimers = { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as number) }) {}

  /** Starts sending through `sender`; reports queued before are sent with the next batch. */
  connect(sender: ReportSender, limits: Partial<SendLimits> = {}): void {
    this.sender = sender;
    this.limits = { ...this.limits, ...limits };
    if (this.queue.length > 0) this.schedule();
  }

  add(report: RendererReport): void {
    if (this.queue.length >= LOG_BATCHING.maxQueued) this.dropped += 1;
    else this.queue.push(report);
    this.schedule();
  }

  /** Sends what is queued now, one batch per call; the rest waits for the next tick. */
  flush(): void {
    this.timer = undefined;
    const sender = this.sender;
    if (!sender) return;
    if (this.dropped > 0) {
      this.queue.unshift({ level: 'warn', message: `${this.dropped} renderer report(s) dropped: too many at once` });
      this.dropped = 0;
    }
    const batch = this.takeBatch();
    if (batch.length === 0) return;
    sender(batch).catch((error: unknown) => {
      // Reporting the failure through the logger would loop; the console is the last resort.
      console.warn('Could not send renderer reports to the app log', error);
    });
    if (this.queue.length > 0) this.schedule();
  }

  private takeBatch(): RendererReport[] {
    const batch: RendererReport[] = [];
    let size = ENVELOPE_BYTES;
    while (this.queue.length > 0 && batch.length < this.limits.batchSize) {
      const next = this.queue[0]!;
      const cost = bytesOf(next) + 1;
      if (size + cost > this.limits.bodyBytes) {
        if (batch.length === 0) batch.push(shrink(this.queue.shift()!, this.limits.bodyBytes - size));
        break;
      }
      batch.push(this.queue.shift()!);
      size += cost;
    }
    return batch;
  }

  private schedule(): void {
    if (this.timer !== undefined || !this.sender) return;
    this.timer = this.timers.set(() => this.flush(), LOG_BATCHING.flushAfterMs);
  }
}
