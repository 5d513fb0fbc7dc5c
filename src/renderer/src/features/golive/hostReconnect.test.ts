import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../../testSupport/manualTimers';
import { backoffMs, Reconnector } from './hostReconnect';

/** Resolves each try when the test says how it went. */
function scriptedTries() {
  const waiting: ((back: boolean) => void)[] = [];
  const started: number[] = [];
  let onStart: (() => void) | null = null;
  return {
    started,
    attempt: (n: number) =>
      new Promise<boolean>((resolve) => {
        started.push(n);
        waiting.push(resolve);
        onStart?.();
      }),
    /** Ends the oldest try under way and lets the reconnector react. */
    async finish(back: boolean): Promise<void> {
      waiting.shift()!(back);
      await Promise.resolve();
      await Promise.resolve();
    },
    nextStart: () => new Promise<void>((resolve) => (onStart = resolve)),
  };
}

describe('backoffMs', () => {
  it('doubles from one second and stops growing at fifteen', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(backoffMs)).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000]);
  });
});

describe('Reconnector', () => {
  it('tries at once, waits longer after each failure, and stops when back', async () => {
    const timers = new ManualTimers();
    const tries = scriptedTries();
    const attempts: number[] = [];
    const r = new Reconnector({ attempt: tries.attempt, onAttempt: (n) => attempts.push(n), timers });
    r.start();
    expect(tries.started).toEqual([1]);
    await tries.finish(false);
    expect(timers.delays).toEqual([1_000]);
    timers.fire();
    await tries.finish(false);
    expect(timers.delays).toEqual([2_000]);
    timers.fire();
    await tries.finish(true);
    expect(attempts).toEqual([1, 2, 3]);
    expect(timers.delays).toEqual([]);
    expect(r.retrying).toBe(false);
  });

  it('goes at once when the browser comes back online or the host asks, never two tries at a time', async () => {
    const timers = new ManualTimers();
    const tries = scriptedTries();
    let online: (() => void) | null = null;
    const r = new Reconnector({
      attempt: tries.attempt,
      onAttempt: () => undefined,
      timers,
      onOnline: (listener) => {
        online = listener;
        return () => (online = null);
      },
    });
    r.start();
    // A try is under way: neither the network nor the button starts a second one.
    online!();
    r.now();
    expect(tries.started).toEqual([1]);
    await tries.finish(false);
    expect(timers.delays).toEqual([1_000]);

    const second = tries.nextStart();
    online!();
    await second;
    expect(tries.started).toEqual([1, 2]);
    expect(timers.delays).toEqual([]);
    await tries.finish(false);

    r.now();
    expect(tries.started).toEqual([1, 2, 3]);
    await tries.finish(true);
    expect(online).toBeNull();
  });

  it('stops waiting when stopped, and ignores a try that ends after', async () => {
    const timers = new ManualTimers();
    const tries = scriptedTries();
    const r = new Reconnector({ attempt: tries.attempt, onAttempt: () => undefined, timers });
    r.start();
    r.stop();
    await tries.finish(false);
    expect(timers.delays).toEqual([]);
    expect(tries.started).toEqual([1]);
  });
});
