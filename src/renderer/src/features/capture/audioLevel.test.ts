import { describe, expect, it } from 'vitest';
import { levelFromRms } from './audioLevel';

describe('levelFromRms', () => {
  it('maps -60..0 dBFS onto 0..1 and clamps outside it', () => {
    expect(levelFromRms(0)).toBe(0);
    expect(levelFromRms(0.0001)).toBe(0);
    expect(levelFromRms(1)).toBe(1);
    expect(levelFromRms(2)).toBe(1);
    expect(levelFromRms(10 ** -1.5)).toBeCloseTo(0.5); // -30 dBFS
  });
});
