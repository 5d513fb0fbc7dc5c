import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../testSupport/manualTimers';
import { PushFallback } from './pushFallback';

function setup() {
  const timers = new ManualTimers();
  const reads: number[] = [];
  const fallback = new PushFallback(() => reads.push(reads.length + 1), timers);
  return { timers, reads, fallback };
}

describe('PushFallback', () => {
  it('never polls while the channel is up, however long the page waits', () => {
    const { timers, reads, fallback } = setup();
    fallback.setChannel(true);
    fallback.waitForChange();
    expect(timers.delays).toEqual([]);
    expect(reads).toEqual([]);
  });

  it('reads at once when a push says something changed, and drops a pending poll', () => {
    const { timers, reads, fallback } = setup();
    fallback.waitForChange();
    expect(timers.delays).toEqual([1_000]);
    fallback.changed();
    expect(reads).toHaveLength(1);
    expect(timers.delays).toEqual([]);
  });

  it('polls while the channel is down with growing delays capped at 15 s, and starts over once it is back', () => {
    const { timers, reads, fallback } = setup();
    fallback.setChannel(false);
    fallback.waitForChange();
    const seen: number[] = [];
    for (let i = 0; i < 7; i++) {
      seen.push(...timers.delays);
      timers.fire();
      fallback.waitForChange(); // the read came back: still waiting
    }
    expect(seen).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000]);
    expect(reads).toHaveLength(7);

    fallback.setChannel(true);
    expect(timers.delays).toEqual([]);
    fallback.setChannel(false);
    expect(timers.delays).toEqual([1_000]);
  });

  it('a page that needs no news does not poll, even with the channel down', () => {
    const { timers, fallback } = setup();
    fallback.waitForChange();
    fallback.idle();
    fallback.setChannel(false);
    expect(timers.delays).toEqual([]);
  });
});
