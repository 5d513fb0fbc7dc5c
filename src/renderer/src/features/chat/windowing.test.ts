import { describe, expect, it } from 'vitest';
import { rowAt, rowOffsets, visibleWindow } from './windowing';

describe('windowing', () => {
  const offsets = rowOffsets([40, 40, 80, 40, 40, 40, 40, 40, 40, 40]);

  it('prefix-sums heights into row tops and a total', () => {
    expect(Array.from(offsets.slice(0, 5))).toEqual([0, 40, 80, 160, 200]);
    expect(offsets[10]).toBe(440);
  });

  it('finds the row under a y position, clamped to the rows that exist', () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 39.9)).toBe(0);
    expect(rowAt(offsets, 40)).toBe(1);
    expect(rowAt(offsets, 159)).toBe(2);
    expect(rowAt(offsets, 10_000)).toBe(9);
    expect(rowAt(rowOffsets([]), 50)).toBe(0);
  });

  it('renders only the rows in view plus overscan', () => {
    expect(visibleWindow(offsets, 0, 100, 0)).toEqual({ start: 0, end: 3, totalHeight: 440 });
    expect(visibleWindow(offsets, 160, 80, 1)).toEqual({ start: 2, end: 6, totalHeight: 440 });
    expect(visibleWindow(offsets, 400, 200, 2)).toEqual({ start: 7, end: 10, totalHeight: 440 });
  });

  it('keeps a 500-row list to a handful of rendered rows', () => {
    const many = rowOffsets(new Array<number>(500).fill(44));
    const window = visibleWindow(many, 44 * 250, 440, 4);
    expect(window.end - window.start).toBe(18);
    expect(window.start).toBe(246);
  });

  it('handles an empty list and a scroll position past the end', () => {
    expect(visibleWindow(rowOffsets([]), 0, 300)).toEqual({ start: 0, end: 0, totalHeight: 0 });
    expect(visibleWindow(offsets, 99_999, 100, 0)).toEqual({ start: 9, end: 10, totalHeight: 440 });
  });
});
