import { describe, expect, it } from 'vitest';
import { levelFromTimeDomain, smoothLevel } from './micLevel';

describe('levelFromTimeDomain', () => {
  it('is zero for silence and grows with amplitude, capped at one', () => {
    expect(levelFromTimeDomain(new Uint8Array(64).fill(128))).toBe(0);
    const quiet = Uint8Array.from({ length: 64 }, (_, i) => (i % 2 ? 132 : 124));
    const loud = Uint8Array.from({ length: 64 }, (_, i) => (i % 2 ? 160 : 96));
    expect(levelFromTimeDomain(quiet)).toBeGreaterThan(0);
    expect(levelFromTimeDomain(loud)).toBeGreaterThan(levelFromTimeDomain(quiet));
    expect(levelFromTimeDomain(Uint8Array.from({ length: 64 }, (_, i) => (i % 2 ? 255 : 0)))).toBe(1);
    expect(levelFromTimeDomain(new Uint8Array(0))).toBe(0);
  });
});

describe('smoothLevel', () => {
  it('rises at once and decays gradually', () => {
    expect(smoothLevel(0.2, 0.8)).toBe(0.8);
    expect(smoothLevel(0.8, 0)).toBeCloseTo(0.68);
    expect(smoothLevel(0.8, 0.75)).toBe(0.75);
  });
});
