/** Fallback read delays while the push channel is down: quick at first, then calm (ms). */
export const FALLBACK_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000];

/** setTimeout and clearTimeout, injected so the policy is testable without a clock. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * When a page re-reads what the server knows (the watch token, the guest session): at once when
 * a push says something changed, never on a timer while the push channel is up, and on a
 * backed-off timer (1 s, 2 s, 4 s … 15 s) only while it is down. The page calls `waitForChange`
 * after a read that leaves it waiting for news, and `idle` when it no longer needs any.
 */
export class PushFallback {
  private up = false;
  private waiting = false;
  private timer: unknown = undefined;
  private attempt = 0;

  constructor(
    private readonly read: () => void,
    private readonly timers: Timers = browserTimers,
    private readonly steps: readonly number[] = FALLBACK_MS,
  ) {}

  /** True while a fallback read is scheduled (the channel is down and the page waits). */
  get polling(): boolean {
    return this.timer !== undefined;
  }

  /** The page has read and now waits for a change. */
  waitForChange(): void {
    this.waiting = true;
    this.arm();
  }

  /** The page needs no news (it is in a room, ended, or going away). */
  idle(): void {
    this.waiting = false;
    this.cancel();
  }

  /** The push channel came up (pushes will say when to read) or went down (poll meanwhile). */
  setChannel(up: boolean): void {
    this.up = up;
    if (up) {
      this.attempt = 0;
      this.cancel();
    } else {
      this.arm();
    }
  }

  /** A push said something changed: read now. */
  changed(): void {
    this.cancel();
    this.read();
  }

  private arm(): void {
    if (this.up || !this.waiting || this.timer !== undefined) return;
    const delay = this.steps[Math.min(this.attempt++, this.steps.length - 1)]!;
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      this.read();
    }, delay);
  }

  private cancel(): void {
    if (this.timer === undefined) return;
    this.timers.clear(this.timer);
    this.timer = undefined;
  }
}
