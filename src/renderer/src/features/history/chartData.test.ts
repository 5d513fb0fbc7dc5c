import { describe, expect, it } from 'vitest';
import type { StreamDetail } from '../../../../shared/domain/history';
import { chatSummary, formatMinutes, qualitySeries, retentionSummary, viewerSeries, viewerSummary } from './chartData';

const start = 1_000_000;
const detail: StreamDetail = {
  stream: {
    id: 's',
    roomName: 'r',
    title: 'T',
    tags: [],
    mode: 'voice_only',
    status: 'ended',
    startedAt: start,
    endedAt: start + 600_000,
    lastHeartbeatAt: start,
    durationMs: 600_000,
    peakViewers: 3,
    averageViewers: 1.9,
    endReason: null,
  },
  viewers: {
    source: 'sessions',
    peak: 3,
    average: 1.9,
    unique: 4,
    totalWatchMs: 1_140_000,
    timeline: [
      { at: start, viewers: 1 },
      { at: start + 240_000, viewers: 3 },
      { at: start + 480_000, viewers: 3 },
      { at: start + 600_000, viewers: 0 },
    ],
    retention: [
      { minute: 0, viewers: 4, share: 1 },
      { minute: 3, viewers: 3, share: 0.75 },
      { minute: 4, viewers: 2, share: 0.5 },
      { minute: 10, viewers: 1, share: 0.25 },
    ],
  },
  chat: { total: 3, visible: 2, held: 1, rejected: 1, deleted: 0, pending: 0 },
  chatPerMinute: [
    { minute: 0, shown: 1, moderated: 0 },
    { minute: 1, shown: 1, moderated: 1 },
  ],
  moderation: { total: 0, byAction: [], log: [] },
  guests: [],
  recordings: [],
  destinations: [],
};

describe('chart data', () => {
  it('puts viewer points on a minutes-since-start axis', () => {
    expect(viewerSeries(detail).map((p) => p.minute)).toEqual([0, 4, 8, 10]);
  });

  it('summarizes each chart in a sentence', () => {
    expect(viewerSummary(detail)).toBe('Peak of 3 concurrent viewers first reached at 4 min; average 1.9.');
    expect(chatSummary(detail)).toBe('3 messages; the busiest minute was 1 min with 2 (1 moderated).');
    expect(retentionSummary(detail)).toBe('Half of the viewers watched at least 4 min; 25% watched 10 min or more.');
    expect(retentionSummary({ ...detail, viewers: { ...detail.viewers, retention: [] } })).toMatch(/needs join and leave events/);
  });

  it('holds a guest’s last quality to the end of the stream', () => {
    const guest = { identity: 'g', name: 'G', stageMs: 0, stints: [], quality: [{ at: start + 60_000, quality: 'good' as const }] };
    expect(qualitySeries(guest, start, start + 600_000)).toEqual([
      { minute: 1, level: 2, quality: 'good' },
      { minute: 10, level: 2, quality: 'good' },
    ]);
  });

  it('formats minutes for ticks and sentences', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(2.5)).toBe('2.5 min');
    expect(formatMinutes(125)).toBe('2 h 05 min');
  });
});
