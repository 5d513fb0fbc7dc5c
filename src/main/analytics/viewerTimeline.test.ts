import { describe, expect, it } from 'vitest';
import { retentionCurve } from './retention';
import { attendanceByPerson, concurrency, mergeSpans } from './viewerTimeline';

describe('viewer timeline', () => {
  it('merges overlapping sessions of one identity so nobody counts twice', () => {
    const spans = attendanceByPerson(
      [
        { identity: 'a', joinedAt: 0, leftAt: 50 },
        { identity: 'a', joinedAt: 40, leftAt: 100 },
        { identity: 'b', joinedAt: 10, leftAt: 20 },
      ],
      { start: 0, end: 200 },
    );
    expect(spans.get('a')).toEqual([{ start: 0, end: 100 }]);
    const curve = concurrency(spans, { start: 0, end: 200 });
    expect(curve.peak).toBe(2);
    expect(curve.totalMs).toBe(110);
    expect(curve.average).toBeCloseTo(0.55, 10);
  });

  it('clips sessions to the stream and ends open ones with it; drops empty ones', () => {
    const spans = attendanceByPerson(
      [
        { identity: 'early', joinedAt: -50, leftAt: 30 },
        { identity: 'open', joinedAt: 80, leftAt: null },
        { identity: 'after', joinedAt: 120, leftAt: 130 },
      ],
      { start: 0, end: 100 },
    );
    expect(Object.fromEntries(spans)).toEqual({ early: [{ start: 0, end: 30 }], open: [{ start: 80, end: 100 }] });
  });

  it('applies a leave and a join at the same instant together (no false peak)', () => {
    const spans = attendanceByPerson(
      [
        { identity: 'a', joinedAt: 0, leftAt: 50 },
        { identity: 'b', joinedAt: 50, leftAt: 100 },
      ],
      { start: 0, end: 100 },
    );
    const curve = concurrency(spans, { start: 0, end: 100 });
    expect(curve.peak).toBe(1);
    expect(curve.timeline).toEqual([
      { at: 0, viewers: 1 },
      { at: 50, viewers: 1 },
      { at: 100, viewers: 0 },
    ]);
  });

  it('has an average of 0 for a stream of no length', () => {
    expect(concurrency(new Map(), { start: 5, end: 5 })).toEqual({ timeline: [{ at: 5, viewers: 0 }], peak: 0, average: 0, totalMs: 0 });
  });

  it('merges touching spans into one', () => {
    expect(
      mergeSpans([
        { start: 5, end: 9 },
        { start: 0, end: 5 },
      ]),
    ).toEqual([{ start: 0, end: 9 }]);
  });
});

describe('retention curve', () => {
  it('is empty with no viewers', () => {
    expect(retentionCurve([])).toEqual([]);
    expect(retentionCurve([0])).toEqual([]);
  });

  it('counts a viewer at minute t when they watched at least t minutes', () => {
    expect(retentionCurve([90_000, 60_000])).toEqual([
      { minute: 0, viewers: 2, share: 1 },
      { minute: 1, viewers: 2, share: 1 },
      { minute: 2, viewers: 0, share: 0 },
    ]);
  });

  it('widens the step for long streams but keeps the last minute', () => {
    const curve = retentionCurve([301.5 * 60_000], 100);
    expect(curve.length).toBeLessThanOrEqual(101);
    expect(curve[1]!.minute).toBe(4);
    expect(curve.at(-1)).toEqual({ minute: 302, viewers: 0, share: 0 });
  });
});
