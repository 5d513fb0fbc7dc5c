import type { Timers } from '../api/pushFallback';

/** Lets pending promise continuations and immediates run. */
export const settle = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** Timers that fire only when a test says so: the delays asked for, and the next one run by hand. */
export class ManualTimers implements Timers {
  private nextId = 1;
  private readonly pending = new Map<number, { run: () => void; ms: number }>();

  set(run: () => void, ms: number): number {
    const id = this.nextId++;
    this.pending.set(id, { run, ms });
    return id;
  }

  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Delays of the timers still pending, oldest first. */
  get delays(): number[] {
    return [...this.pending.values()].map((timer) => timer.ms);
  }

  /** Runs the oldest pending timer; false when none is pending. */
  fire(): boolean {
    const first = this.pending.entries().next();
    if (first.done) return false;
    const [id, timer] = first.value;
    this.pending.delete(id);
    timer.run();
    return true;
  }

  /** Fires the pending timer `times` times, letting `settle` run between; returns the delays seen. */
  async fireInTurn(times: number, settle: () => Promise<void>): Promise<number[]> {
    const seen: number[] = [];
    for (let i = 0; i < times; i++) {
      seen.push(...this.delays);
      this.fire();
      await settle();
    }
    return seen;
  }
}
