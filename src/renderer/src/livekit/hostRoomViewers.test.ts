import { describe, expect, it } from 'vitest';
import { countViewers } from './hostRoomViewers';

describe('countViewers', () => {
  it('counts only participants whose airdeck.role is viewer', () => {
    const people: { attributes: Record<string, string> }[] = [
      { attributes: { 'airdeck.role': 'viewer' } },
      { attributes: { 'airdeck.role': 'guest' } },
      { attributes: {} },
      { attributes: { 'airdeck.role': 'viewer', other: 'x' } },
      { attributes: { 'airdeck.role': 'Viewer' } },
    ];
    expect(countViewers(people)).toBe(2);
  });

  it('is zero for an empty room', () => {
    expect(countViewers([])).toBe(0);
  });
});
