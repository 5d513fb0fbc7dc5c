import { describe, expect, it } from 'vitest';
import type { MultistreamStatus } from '../../../../shared/domain/multistream';
import {
  budgetVerdict,
  DESTINATION_AUDIO_KBPS,
  LIVEKIT_SOURCE_KBPS,
  measuredBudget,
  measuredSummary,
  overAdvice,
  planSummary,
  plannedBudget,
  type UplinkBudget,
} from './uplinkBudget';
import { noteCapacity, rememberedCapacity, type CapacityStorage } from './uplinkMemory';

const status = (entries: { name: string; state: 'live' | 'failed' | 'off'; bitrateKbps: number }[]): MultistreamStatus => ({
  encoding: true,
  destinations: entries.map((entry, index) => ({ id: `dst_aaaaaaa${index}`, message: null, droppedFrames: 0, liveMs: 1000, ...entry })),
});

const budget = (livekitKbps: number, parts: [string, number][]): UplinkBudget => ({
  livekitKbps,
  destinations: parts.map(([name, kbps]) => ({ name, kbps })),
  totalKbps: livekitKbps + parts.reduce((sum, [, kbps]) => sum + kbps, 0),
});

describe('planned budget', () => {
  it('adds one upload per destination at video plus audio bitrate: the encode is shared, the uploads are not', () => {
    const plan = plannedBudget({ mode: 'voice_only', camera: false, destinations: ['YouTube', 'Twitch'], videoKbps: 3000 });
    expect(plan.livekitKbps).toBe(LIVEKIT_SOURCE_KBPS.microphone);
    expect(plan.destinations).toEqual([
      { name: 'YouTube', kbps: 3000 + DESTINATION_AUDIO_KBPS },
      { name: 'Twitch', kbps: 3000 + DESTINATION_AUDIO_KBPS },
    ]);
    expect(plan.totalKbps).toBe(96 + 2 * 3128);
    expect(planSummary(plan)).toBe('About 6.4 Mbit/s up: LiveKit 0.1 + 2 destinations × 3.1');
  });

  it('counts the sources the layout sends', () => {
    const { microphone, camera, screen } = LIVEKIT_SOURCE_KBPS;
    const lk = (mode: 'voice_only' | 'camera_grid' | 'screen_guests', cam: boolean) =>
      plannedBudget({ mode, camera: cam, destinations: [], videoKbps: 3000 }).livekitKbps;
    expect(lk('camera_grid', false)).toBe(microphone + camera);
    expect(lk('screen_guests', false)).toBe(microphone + screen);
    expect(lk('screen_guests', true)).toBe(microphone + screen + camera);
    expect(planSummary(plannedBudget({ mode: 'camera_grid', camera: true, destinations: [], videoKbps: 3000 }))).toBe(
      'About 2.4 Mbit/s up: LiveKit 2.4',
    );
    expect(planSummary(plannedBudget({ mode: 'camera_grid', camera: true, destinations: ['One'], videoKbps: 2000 }))).toBe(
      'About 4.5 Mbit/s up: LiveKit 2.4 + 1 destination × 2.1',
    );
  });
});

describe('measured budget', () => {
  it('sums the LiveKit send rate and each live destination, leaving out those not live', () => {
    const measured = measuredBudget(
      1100,
      status([
        { name: 'YouTube', state: 'live', bitrateKbps: 3200 },
        { name: 'Twitch', state: 'live', bitrateKbps: 3100 },
        { name: 'Broken', state: 'failed', bitrateKbps: 900 },
        { name: 'Off', state: 'off', bitrateKbps: 0 },
      ]),
    );
    expect(measured.totalKbps).toBe(7400);
    expect(measured.destinations.map((part) => part.name)).toEqual(['YouTube', 'Twitch']);
    expect(measuredSummary(measured)).toBe('Sending 7.4 Mbit/s up: LiveKit 1.1 + 2 destinations 6.3');
  });

  it('treats a rate not measured yet as zero', () => {
    expect(measuredBudget(null, null)).toEqual({ livekitKbps: 0, destinations: [], totalKbps: 0 });
  });
});

describe('warning threshold', () => {
  const b = budget(1000, [
    ['YouTube', 3000],
    ['Twitch', 3500],
  ]);

  it('is unknown until the connection has shown anything', () => {
    expect(budgetVerdict(b, null)).toEqual({ kind: 'unknown' });
  });

  it('fits at exactly the capacity and warns one kbit/s above it', () => {
    expect(budgetVerdict(b, { kbps: 7500, at: 1 })).toEqual({ kind: 'fits', capacityKbps: 7500 });
    expect(budgetVerdict(b, { kbps: 7499, at: 1 })).toMatchObject({ kind: 'over', excessKbps: 1, drop: ['Twitch'], lighterLayout: false });
  });

  it('names the largest destinations first, as many as it takes', () => {
    const verdict = budgetVerdict(b, { kbps: 3900, at: 1 });
    expect(verdict).toMatchObject({ kind: 'over', drop: ['Twitch', 'YouTube'], lighterLayout: false });
    if (verdict.kind !== 'over') throw new Error('expected over');
    expect(overAdvice(verdict, true)).toBe(
      'That is more than the 3.9 Mbit/s your connection has carried. Expect stalls unless you turn off Twitch and YouTube.',
    );
  });

  it('asks for a lighter layout when LiveKit alone is more than the connection carried', () => {
    const verdict = budgetVerdict(budget(3000, [['YouTube', 3000]]), { kbps: 2000, at: 1 });
    expect(verdict).toMatchObject({ kind: 'over', drop: ['YouTube'], lighterLayout: true });
    if (verdict.kind !== 'over') throw new Error('expected over');
    expect(overAdvice(verdict, false)).toContain('turn off YouTube and pick a lighter layout');
  });
});

describe('remembered capacity', () => {
  const memory = (): CapacityStorage & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
  };

  it('keeps the highest reading and brings it back next time', () => {
    const storage = memory();
    expect(rememberedCapacity(storage)).toBeNull();
    let known = noteCapacity(null, 4200.4, 1000, storage);
    known = noteCapacity(known, 3000, 2000, storage);
    expect(known).toEqual({ kbps: 4200, at: 1000 });
    known = noteCapacity(known, 6100, 3000, storage);
    expect(rememberedCapacity(storage)).toEqual({ kbps: 6100, at: 3000 });
  });

  it('counts a stored value that does not parse as unknown', () => {
    const storage = memory();
    storage.data.set('airdeck.uplink.capacity', '{"kbps":"lots"}');
    expect(rememberedCapacity(storage)).toBeNull();
    storage.data.set('airdeck.uplink.capacity', 'not json');
    expect(rememberedCapacity(storage)).toBeNull();
    expect(noteCapacity(null, 0, 1, storage)).toBeNull();
  });
});
