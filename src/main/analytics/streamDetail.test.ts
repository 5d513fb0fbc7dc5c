import { describe, expect, it } from 'vitest';
import { EXPECTED, MIN, seedSimulatedStream } from '../../../tests/history/simulatedStream';
import { openDatabase } from '../db/openDatabase';
import { addViewerSample } from '../db/history/viewerSamples';
import { createStream, endStream } from '../db/history/streams';
import { buildStreamDetail } from './streamDetail';

describe('stream detail analytics of a simulated show', () => {
  const db = openDatabase(':memory:');
  const { id, t0 } = seedSimulatedStream(db);
  const detail = buildStreamDetail(db, id)!;

  it('has the stream with its duration', () => {
    expect(detail.stream).toMatchObject({
      id,
      title: 'Launch day Q&A',
      tags: ['launch', 'qa'],
      status: 'ended',
      startedAt: t0,
      durationMs: 10 * MIN,
    });
  });

  it('counts peak, average and unique viewers and total watch time exactly, from join/leave times', () => {
    expect(detail.viewers.source).toBe('sessions');
    expect(detail.viewers.peak).toBe(EXPECTED.peak);
    expect(detail.viewers.average).toBeCloseTo(EXPECTED.average, 10);
    expect(detail.viewers.unique).toBe(EXPECTED.unique);
    expect(detail.viewers.totalWatchMs).toBe(EXPECTED.totalWatchMs);
  });

  it('draws the concurrent-viewer curve at every join and leave', () => {
    expect(detail.viewers.timeline).toEqual(EXPECTED.timeline.map(([minute, viewers]) => ({ at: t0 + minute * MIN, viewers })));
  });

  it('gives the retention curve from each viewer’s total watch time', () => {
    expect(detail.viewers.retention).toEqual(
      EXPECTED.retention.map(([minute, viewers]) => ({ minute, viewers, share: viewers / EXPECTED.unique })),
    );
  });

  it('lists guests with their stage time, including a stint still open at the end', () => {
    expect(detail.guests.map(({ identity, name, stageMs }) => ({ identity, name, stageMs }))).toEqual(EXPECTED.guests);
    expect(detail.guests[0]!.stints).toEqual([
      { onAt: t0 + 1 * MIN, offAt: t0 + 3 * MIN },
      { onAt: t0 + 6 * MIN, offAt: t0 + 10 * MIN },
    ]);
  });

  it('keeps each guest’s connection-quality changes, dropping repeats', () => {
    expect(detail.guests[0]!.quality.map((q) => [(q.at - t0) / MIN, q.quality])).toEqual([
      [1, 'excellent'],
      [2, 'good'],
      [7, 'lost'],
      [7.5, 'good'],
    ]);
    expect(detail.guests[1]!.quality).toEqual([{ at: t0 + 4 * MIN, quality: 'poor' }]);
  });

  it('counts chat by outcome and per minute, every minute present', () => {
    expect(detail.chat).toEqual(EXPECTED.chat);
    expect(detail.chatPerMinute).toHaveLength(11);
    const nonZero = detail.chatPerMinute.filter((m) => m.shown + m.moderated > 0).map((m) => [m.minute, m.shown, m.moderated]);
    expect(nonZero).toEqual(EXPECTED.chatPerMinute);
  });

  it('summarizes the moderation log by action', () => {
    expect({ total: detail.moderation.total, byAction: detail.moderation.byAction }).toEqual(EXPECTED.moderation);
    expect(detail.moderation.log.map((e) => [e.actor, e.action, e.targetIdentity])).toEqual(EXPECTED.moderationLog);
    expect(detail.moderation.log[2]).toMatchObject({ reason: 'rude, "really"', targetMessageId: `${id}-m5` });
  });

  it('is undefined for an unknown stream', () => {
    expect(buildStreamDetail(db, 'nope')).toBeUndefined();
  });
});

describe('stream detail without join/leave webhooks', () => {
  it('falls back to the 5-second samples: curve, peak, mean and the area as watch time; no unique count', () => {
    const db = openDatabase(':memory:');
    createStream(db, { id: 's', roomName: 'r', title: 'T', tags: [], mode: 'voice_only', startedAt: 0 });
    for (const [at, viewers] of [
      [5_000, 2],
      [10_000, 6],
      [15_000, 4],
    ] as const)
      addViewerSample(db, 's', { at, viewers });
    endStream(db, 's', 20_000, 'host_ended');
    const { viewers } = buildStreamDetail(db, 's')!;
    expect(viewers).toEqual({
      source: 'samples',
      peak: 6,
      average: 4,
      unique: null,
      totalWatchMs: 80_000,
      timeline: [
        { at: 5_000, viewers: 2 },
        { at: 10_000, viewers: 6 },
        { at: 15_000, viewers: 4 },
      ],
      retention: [],
    });
  });

  it('says there is no viewer data for a stream with neither', () => {
    const db = openDatabase(':memory:');
    createStream(db, { id: 's', roomName: 'r', title: 'T', tags: [], mode: 'voice_only', startedAt: 0 });
    endStream(db, 's', 60_000, 'host_ended');
    expect(buildStreamDetail(db, 's')!.viewers).toMatchObject({ source: 'none', peak: 0, unique: null, totalWatchMs: null, timeline: [] });
  });
});
