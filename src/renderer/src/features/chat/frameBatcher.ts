/**
 * Collects items and hands them over once per animation frame. A hidden tab gets no animation
 * frames, so a timer fallback still delivers (less often) and keeps the buffer from growing.
 * The scheduler is injected, so this stays DOM-free and testable.
 */

export interface FrameScheduler {
  /** Runs `callback` at the next frame (or soon); returns a cancel function. */
  (callback: () => void): () => void;
}

/** Fallback delay when frames do not come (hidden tab). */
const FALLBACK_MS = 250;

/** requestAnimationFrame when there is one, raced with a timer for hidden tabs. */
export const animationFrameScheduler: FrameScheduler = (callback) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    callback();
  };
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  const caf = (globalThis as { cancelAnimationFrame?: (id: number) => void }).cancelAnimationFrame;
  const frame = raf ? raf(run) : null;
  const timer = setTimeout(run, raf ? FALLBACK_MS : 16);
  const cancel = () => {
    if (frame !== null) caf?.(frame);
    clearTimeout(timer);
  };
  return () => {
    done = true;
    cancel();
  };
};

export class FrameBatcher<T> {
  private items: T[] = [];
  private cancel: (() => void) | null = null;

  constructor(
    private readonly deliver: (items: T[]) => void,
    private readonly schedule: FrameScheduler = animationFrameScheduler,
  ) {}

  push(item: T): void {
    this.items.push(item);
    this.cancel ??= this.schedule(() => this.flush());
  }

  /** Delivers what is queued now (e.g. before a reset) and cancels the scheduled delivery. */
  flush(): void {
    this.cancel?.();
    this.cancel = null;
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    this.deliver(items);
  }

  /** Drops what is queued without delivering it. */
  clear(): void {
    this.cancel?.();
    this.cancel = null;
    this.items = [];
  }
}
