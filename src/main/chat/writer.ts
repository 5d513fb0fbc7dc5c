import type { Database } from '../db/openDatabase';
import { MAX_WRITE_BATCH, WRITE_DELAY_MS } from './chatLimits';

interface Pending {
  op: () => unknown;
  committed?: (value: unknown) => void;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface BatchWriterOptions {
  /** Longest a write waits for company before its batch commits. */
  delayMs?: number;
  /** A batch this large commits at once. */
  maxBatch?: number;
  /**
   * Runs right after each commit, once the batch's `committed` callbacks have run (the chat hub
   * sends its queued broadcasts here). Synchronous, so a burst cannot commit batch after batch
   * while the broadcasts of the first wait behind them for a later turn of the event loop.
   */
  afterBatch?: () => void;
  /**
   * The chat commit's sync level. FULL (the default) fsyncs the WAL at every batch commit: an
   * acknowledged message survives power loss, not only an application crash, and batching keeps
   * that to one fsync per batch. The connection stays NORMAL for the app's other writes.
   */
  synchronous?: 'full' | 'normal';
}

/**
 * Runs database writes in batched transactions: writes submitted within `delayMs` commit together,
 * so a flood of chat costs one WAL commit (and one fsync) per batch instead of one per message.
 * Each write runs in its own savepoint, so one failing write (a duplicate id) does not undo the
 * others.
 *
 * After the commit, in submission order: each write's `committed` callback (callers queue their
 * broadcast there), then `afterBatch` (the broadcast leaves), then the promises resolve (callers
 * acknowledge in the continuation). So "stored before broadcast" holds, seqs go out in order, and
 * a batch's broadcast leaves before the next batch commits.
 */
export class BatchWriter {
  private queue: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly delayMs: number;
  private readonly maxBatch: number;
  private readonly afterBatch: (() => void) | undefined;
  private readonly synchronous: 'full' | 'normal';
  private closed = false;

  constructor(
    private readonly db: Database,
    options: BatchWriterOptions = {},
  ) {
    this.delayMs = options.delayMs ?? WRITE_DELAY_MS;
    this.maxBatch = options.maxBatch ?? MAX_WRITE_BATCH;
    this.afterBatch = options.afterBatch;
    this.synchronous = options.synchronous ?? 'full';
  }

  /** Queues `op`; `committed` runs synchronously right after its batch commits (not if `op` threw). */
  submit<T>(op: () => T, committed?: (value: T) => void): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The chat store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        op,
        committed: committed as ((value: unknown) => void) | undefined,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (this.queue.length >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.delayMs);
    });
  }

  /** Commits everything queued now (also called on close). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    // PRAGMA synchronous cannot change inside a transaction; set it around this one only.
    if (this.synchronous === 'full') this.db.pragma('synchronous = FULL');
    try {
      this.db.transaction(() => {
        for (const item of batch) {
          try {
            // A nested transaction is a savepoint: a throwing op rolls back only itself.
            outcomes.push({ ok: true, value: this.db.transaction(item.op)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    } finally {
      if (this.synchronous === 'full') this.db.pragma('synchronous = NORMAL');
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (!outcome?.ok || !item.committed) return;
      try {
        item.committed(outcome.value);
      } catch (error) {
        // Stored, but the follow-up failed: the caller hears of it instead of a silent success.
        outcomes[index] = { ok: false, error };
      }
    });
    this.afterBatch?.();
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) item.resolve(outcome.value);
      else item.reject(outcome?.error);
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  close(): void {
    this.flush();
    this.closed = true;
  }
}
