import { CRASH_END_REASON } from '../../../shared/domain/stream';
import { insertChatMessage } from '../chat/chatMessages';
import { openParticipantSession } from './participantSessions';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import {
  closeAbandonedStreams,
  createStream,
  endStream,
  getStream,
  heartbeatStream,
  LIST_STREAMS_SQL,
  listStreams,
  notePeakViewers,
} from './streams';
import { addViewerSample } from './viewerSamples';

function seed(count: number) {
  const db = openDatabase(':memory:');
  for (let i = 0; i < count; i++) {
    createStream(db, {
      id: `s${String(i).padStart(3, '0')}`,
      roomName: `room-${i}`,
      title: `Stream ${i}`,
      tags: ['t'],
      mode: 'screen_guests',
      startedAt: 1_000 + i * 10,
    });
  }
  return db;
}

describe('stream history', () => {
  it('creates a live stream and reads it back with its tags', () => {
    const db = openDatabase(':memory:');
    const stream = createStream(db, {
      id: 'a',
      roomName: 'r-a',
      title: 'Launch day',
      tags: ['launch', 'demo'],
      mode: 'camera_grid',
      startedAt: 5_000,
    });
    expect(stream).toMatchObject({
      id: 'a',
      title: 'Launch day',
      tags: ['launch', 'demo'],
      status: 'live',
      endedAt: null,
      durationMs: null,
      lastHeartbeatAt: 5_000,
    });
  });

  it('ends a stream with duration, peak and average from its samples', () => {
    const db = openDatabase(':memory:');
    createStream(db, { id: 'a', roomName: 'r', title: 'T', tags: [], mode: 'screen_guests', startedAt: 0 });
    addViewerSample(db, 'a', { at: 5_000, viewers: 2 });
    addViewerSample(db, 'a', { at: 10_000, viewers: 6 });
    addViewerSample(db, 'a', { at: 15_000, viewers: 4 });
    notePeakViewers(db, 'a', 3);
    const ended = endStream(db, 'a', 60_000, 'host_ended');
    expect(ended).toMatchObject({
      status: 'ended',
      endedAt: 60_000,
      durationMs: 60_000,
      peakViewers: 6,
      averageViewers: 4,
      endReason: 'host_ended',
    });
  });

  it('does not end a stream twice and ignores heartbeats after the end', () => {
    const db = openDatabase(':memory:');
    createStream(db, { id: 'a', roomName: 'r', title: 'T', tags: [], mode: 'voice_only', startedAt: 0 });
    endStream(db, 'a', 1_000, 'host_ended');
    endStream(db, 'a', 9_000, 'again');
    expect(heartbeatStream(db, 'a', 10_000)).toBe(false);
    expect(getStream(db, 'a')).toMatchObject({ endedAt: 1_000, endReason: 'host_ended', lastHeartbeatAt: 0 });
  });

  it('closes streams a crash left live at their last heartbeat', () => {
    const db = openDatabase(':memory:');
    createStream(db, { id: 'a', roomName: 'r', title: 'T', tags: [], mode: 'screen_guests', startedAt: 1_000 });
    heartbeatStream(db, 'a', 41_000);
    expect(closeAbandonedStreams(db)).toEqual(['a']);
    expect(getStream(db, 'a')).toMatchObject({ status: 'ended', endedAt: 41_000, durationMs: 40_000, endReason: 'recovered_after_crash' });
    expect(closeAbandonedStreams(db)).toEqual([]);
  });

  it('ends a crashed stream at its last sign of life: chat after the last heartbeat counts, open sessions close', () => {
    const db = openDatabase(':memory:');
    createStream(db, { id: 'a', roomName: 'r', title: 'T', tags: [], mode: 'screen_guests', startedAt: 1_000 });
    // Killed before the first heartbeat, but a message was stored three seconds in.
    insertChatMessage(db, {
      id: 'm1',
      streamId: 'a',
      seq: 1,
      sender: { identity: 'v', name: 'V', role: 'viewer' },
      text: 'hi',
      createdAt: 4_000,
      status: 'visible',
      holdReason: null,
    });
    openParticipantSession(db, { streamId: 'a', identity: 'v', name: 'V', role: 'viewer', joinedAt: 2_000 });
    closeAbandonedStreams(db);
    expect(getStream(db, 'a')).toMatchObject({ endedAt: 4_000, durationMs: 3_000, endReason: CRASH_END_REASON });
    const open = db.prepare('SELECT COUNT(*) AS n FROM participant_sessions WHERE left_at IS NULL').get() as { n: number };
    expect(open.n).toBe(0);
  });

  it('pages newest first with a cursor and no duplicates or gaps', () => {
    const db = seed(45);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = listStreams(db, { limit: 20, cursor });
      expect(page.total).toBe(45);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(45);
    expect(seen[0]).toBe('s044');
    expect(seen.at(-1)).toBe('s000');
    expect(new Set(seen).size).toBe(45);
  });

  it('orders streams that started in the same millisecond by id', () => {
    const db = openDatabase(':memory:');
    for (const id of ['b', 'a', 'c']) createStream(db, { id, roomName: id, title: id, tags: [], mode: 'voice_only', startedAt: 7 });
    const first = listStreams(db, { limit: 2, cursor: null });
    const second = listStreams(db, { limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((s) => s.id)).toEqual(['c', 'b', 'a']);
  });

  it('treats an unreadable cursor as the first page', () => {
    const db = seed(3);
    expect(listStreams(db, { limit: 10, cursor: 'not-a-cursor' }).items).toHaveLength(3);
  });

  it('lists streams through the (started_at, id) index, without a sort step', () => {
    const db = seed(5);
    const plan = (
      db
        .prepare(`EXPLAIN QUERY PLAN ${LIST_STREAMS_SQL}`)
        .all({ cursorStart: 2_000, cursorId: 'x', limit: 20, pattern: null, fromAt: 0, toAt: 9_999 }) as { detail: string }[]
    )
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(/USING (COVERING )?INDEX streams_by_start/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
