import { listDestinationSessionsOfStream } from '../db/history/destinationSessions';
import { listRecordingsOfStream } from '../db/history/recordings';
import type { ChatCounts, ChatMinute, StreamDetail, ViewerStats } from '../../shared/domain/history';
import type { StreamRecord } from '../../shared/domain/stream';
import type { Database } from '../db/openDatabase';
import { chatByMinute, listRoleSessions, summarizeModeration, type ChatMinuteCounts } from '../db/history/analytics';
import { listQualityEvents } from '../db/history/qualityEvents';
import { listStageSessions } from '../db/stage/stageSessions';
import { getStream } from '../db/history/streams';
import { listViewerSamples, type ViewerSample } from '../db/history/viewerSamples';
import { summarizeGuests } from './guests';
import { retentionCurve } from './retention';
import { attendanceByPerson, concurrency, spanTotal, type Span } from './viewerTimeline';

const MINUTE_MS = 60_000;

/** The time a stream covers; a stream still live (or crashed) is measured to its last heartbeat. */
export function streamWindow(stream: StreamRecord): Span {
  return { start: stream.startedAt, end: Math.max(stream.startedAt, stream.endedAt ?? stream.lastHeartbeatAt) };
}

/**
 * Viewer numbers. Verified join/leave webhooks give exact figures (unique viewers, watch time,
 * retention). Without them only the 5-second samples exist: the curve and its peak and mean are
 * still right to the sample, total watch time is the area under it, and who watched is unknown.
 */
export function viewerStats(
  stream: StreamRecord,
  sessions: Parameters<typeof attendanceByPerson>[0],
  samples: readonly ViewerSample[],
): ViewerStats {
  const window = streamWindow(stream);
  if (sessions.length > 0) {
    const byPerson = attendanceByPerson(sessions, window);
    const curve = concurrency(byPerson, window);
    const watch = [...byPerson.values()].map(spanTotal);
    return {
      source: 'sessions',
      peak: curve.peak,
      average: curve.average,
      unique: byPerson.size,
      totalWatchMs: curve.totalMs,
      timeline: curve.timeline,
      retention: retentionCurve(watch),
    };
  }
  if (samples.length > 0) {
    const mean = samples.reduce((sum, s) => sum + s.viewers, 0) / samples.length;
    const average = stream.averageViewers ?? mean;
    return {
      source: 'samples',
      peak: Math.max(stream.peakViewers, ...samples.map((s) => s.viewers)),
      average,
      unique: null,
      totalWatchMs: Math.round(average * (window.end - window.start)),
      timeline: samples.map((s) => ({ at: s.at, viewers: s.viewers })),
      retention: [],
    };
  }
  return {
    source: 'none',
    peak: stream.peakViewers,
    average: stream.averageViewers ?? 0,
    unique: null,
    totalWatchMs: null,
    timeline: [],
    retention: [],
  };
}

/** Chat totals by outcome: the sum of the per-minute counts. */
export function chatTotals(minutes: readonly ChatMinuteCounts[]): ChatCounts {
  const totals: ChatCounts = { total: 0, visible: 0, held: 0, rejected: 0, deleted: 0, pending: 0 };
  for (const m of minutes) {
    totals.visible += m.visible;
    totals.held += m.held;
    totals.rejected += m.rejected;
    totals.deleted += m.deleted;
    totals.pending += m.pending;
    // Every message is visible, deleted, rejected or still held; nothing else.
    totals.total += m.visible + m.deleted + m.rejected + m.pending;
  }
  return totals;
}

/**
 * Messages shown and moderated (held, rejected or deleted) for every minute of the stream, zero
 * where nobody wrote, so the chart's x axis is continuous.
 */
export function chatMinutes(minutes: readonly ChatMinuteCounts[], durationMs: number): ChatMinute[] {
  const last = Math.max(Math.floor(durationMs / MINUTE_MS), minutes.at(-1)?.minute ?? 0);
  const byMinute = new Map(minutes.map((m) => [m.minute, m]));
  return Array.from({ length: last + 1 }, (_, minute) => {
    const m = byMinute.get(minute);
    return m ? { minute, shown: m.visible, moderated: m.deleted + m.rejected + m.pending } : { minute, shown: 0, moderated: 0 };
  });
}

/** Everything the stream detail page shows, or undefined for an unknown stream. */
export function buildStreamDetail(db: Database, streamId: string): StreamDetail | undefined {
  const stream = getStream(db, streamId);
  if (!stream) return undefined;
  const window = streamWindow(stream);
  const minutes = chatByMinute(db, streamId, stream.startedAt);
  return {
    stream,
    viewers: viewerStats(stream, listRoleSessions(db, streamId, 'viewer'), listViewerSamples(db, streamId)),
    chat: chatTotals(minutes),
    chatPerMinute: chatMinutes(minutes, window.end - window.start),
    moderation: summarizeModeration(db, streamId),
    guests: summarizeGuests({
      stints: listStageSessions(db, streamId),
      quality: listQualityEvents(db, streamId),
      guestSessions: listRoleSessions(db, streamId, 'guest'),
      window,
    }),
    recordings: listRecordingsOfStream(db, streamId),
    destinations: listDestinationSessionsOfStream(db, streamId),
  };
}
