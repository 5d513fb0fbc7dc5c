import type { Database } from '../db/openDatabase';

interface Pending {
  op: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface BatchWriterOptions {
  /** Longest a write waits for company before its batch commits. */
  delayMs?: number;
  /** A batch this large commits at once. */
  maxBatch?: number;
}

/**
 * Runs database writes in batched transactions: writes submitted within `delayMs` commit together,
 * so a flood of chat costs one fsync-free WAL commit per batch instead of one per message. Each
 * write runs in its own savepoint, so one failing write (a duplicate id) does not undo the others.
 *
 * `submit` resolves only after the commit: callers broadcast and acknowledge in the continuation,
 * which is what makes "stored before broadcast" hold. Continuations run in submission order.
 */
export class BatchWriter {
  private queue: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly delayMs: number;
  private readonly maxBatch: number;
  private closed = false;

  constructor(
    private readonly db: Database,
    options: BatchWriterOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 10;
    this.maxBatch = options.maxBatch ?? 500;
  }

  submit<T>(op: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The chat store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ op, resolve: resolve as (value: unknown) => void, reject });
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
    }
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
