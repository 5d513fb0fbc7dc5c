import { browserTimers, FALLBACK_MS, type Timers } from '../../api/pushFallback';
import { logger } from '../../logging/logger';

export interface ReconnectOptions {
  /** One try at getting back on air; resolves true when back. A throw counts as a failed try. */
  attempt(n: number): Promise<boolean>;
  /** Try `n` (1-based) is starting. */
  onAttempt(n: number): void;
  /** Subscribes to the browser coming back online; returns the unsubscribe. */
  onOnline?: (listener: () => void) => () => void;
  timers?: Timers;
}

/**
 * How long to wait after failed try `n` (1-based): the pages' own backoff (1 s doubling to 15 s),
 * short enough that a host is back on air soon after the server is.
 */
export function backoffMs(n: number): number {
  return FALLBACK_MS[Math.min(Math.max(n, 1), FALLBACK_MS.length) - 1]!;
}

/**
 * Retries getting the host back on air with exponential backoff until a try succeeds or it is
 * stopped. The browser coming back online or "Reconnect now" skips the wait; a try under way is
 * never doubled up.
 */
export class Reconnector {
  private tries = 0;
  private timer: unknown = null;
  private running = false;
  private active = false;
  private unsubscribe: (() => void) | null = null;
  private readonly timers: Timers;

  constructor(private readonly options: ReconnectOptions) {
    this.timers = options.timers ?? browserTimers;
  }

  get retrying(): boolean {
    return this.active;
  }

  /** Starts retrying, with the first try at once (LiveKit has already spent its own). */
  start(): void {
    if (this.active) return;
    this.active = true;
    this.tries = 0;
    this.unsubscribe = this.options.onOnline?.(() => this.now()) ?? null;
    void this.run();
  }

  /** Tries at once instead of waiting out the delay ("Reconnect now", back online). */
  now(): void {
    if (!this.active || this.running) return;
    this.cancelTimer();
    void this.run();
  }

  stop(): void {
    this.active = false;
    this.cancelTimer();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    this.running = true;
    const n = ++this.tries;
    this.options.onAttempt(n);
    let back = false;
    try {
      back = await this.options.attempt(n);
    } catch (error) {
      logger.warn('A reconnect attempt failed', error);
      back = false;
    }
    this.running = false;
    if (!this.active) return;
    if (back) {
      this.stop();
      return;
    }
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.run();
    }, backoffMs(n));
  }
}
