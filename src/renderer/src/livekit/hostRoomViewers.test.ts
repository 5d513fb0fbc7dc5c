import { describe, expect, it } from 'vitest';
import { countViewers, viewerOf } from './hostRoomViewers';

describe('countViewers', () => {
  it('counts only participants whose airdeck.role is viewer', () => {
    const people: { attributes: Record<string, string> }[] = [
      { attributes: { 'airdeck.role': 'viewer' } },
      { attributes: { 'airdeck.role': 'waiting_guest' } },
      { attributes: { 'airdeck.role': 'stage_guest' } },
      { attributes: { 'airdeck.role': 'host' } },
      { attributes: {} },
      { attributes: { 'airdeck.role': 'viewer', other: 'x' } },
      { attributes: { 'airdeck.role': 'Viewer' } },
    ];
    expect(countViewers(people)).toBe(2);
  });

  it('names the viewer behind a participant, and nobody else', () => {
    expect(viewerOf({ identity: 'viewer-1', name: 'Curious Otter 17', attributes: { 'airdeck.role': 'viewer' } })).toEqual({
      identity: 'viewer-1',
      name: 'Curious Otter 17',
    });
    expect(viewerOf({ identity: 'guest-1', name: 'Ana', attributes: { 'airdeck.role': 'stage_guest' } })).toBeNull();
  });

  it('is zero for an empty room', () => {
    expect(countViewers([])).toBe(0);
  });
});
