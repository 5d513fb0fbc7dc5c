import { describe, expect, it } from 'vitest';
import { FrameBatcher, type FrameScheduler } from './frameBatcher';

function manualScheduler() {
  const callbacks: (() => void)[] = [];
  const schedule: FrameScheduler = (callback) => {
    callbacks.push(callback);
    return () => callbacks.splice(callbacks.indexOf(callback), 1);
  };
  return { schedule, frame: () => callbacks.splice(0).forEach((cb) => cb()), pending: () => callbacks.length };
}

describe('FrameBatcher', () => {
  it('delivers everything pushed within a frame in one call, in order', () => {
    const clock = manualScheduler();
    const delivered: number[][] = [];
    const batcher = new FrameBatcher<number>((items) => delivered.push(items), clock.schedule);
    for (let i = 0; i < 50; i += 1) batcher.push(i);
    expect(clock.pending()).toBe(1);
    expect(delivered).toEqual([]);
    clock.frame();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toEqual(Array.from({ length: 50 }, (_, i) => i));
    batcher.push(99);
    clock.frame();
    expect(delivered[1]).toEqual([99]);
  });

  it('flushes on demand and clears without delivering', () => {
    const clock = manualScheduler();
    const delivered: string[][] = [];
    const batcher = new FrameBatcher<string>((items) => delivered.push(items), clock.schedule);
    batcher.push('a');
    batcher.flush();
    expect(delivered).toEqual([['a']]);
    expect(clock.pending()).toBe(0);
    batcher.push('b');
    batcher.clear();
    clock.frame();
    expect(delivered).toEqual([['a']]);
  });
});
