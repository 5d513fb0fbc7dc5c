import type { Database } from '../openDatabase';
import type { StreamMode, StreamPage, StreamRecord } from '../../../shared/domain/stream';
import { closeOpenSessions } from './participantSessions';
import { closeOpenStageSessions } from '../stage/stageSessions';
import { CRASH_END_REASON } from '../../../shared/domain/stream';

/** Row shape of `streams`, exactly as SQLite returns it. */
interface StreamRow {
  id: string;
  room_name: string;
  title: string;
  tags_json: string;
  mode: StreamMode;
  status: 'live' | 'ended';
  started_at: number;
  ended_at: number | null;
  last_heartbeat_at: number;
  peak_viewers: number;
  average_viewers: number | null;
  end_reason: string | null;
}

function toStream(row: StreamRow): StreamRecord {
  return {
    id: row.id,
    roomName: row.room_name,
    title: row.title,
    tags: JSON.parse(row.tags_json) as string[],
    mode: row.mode,
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    lastHeartbeatAt: row.last_heartbeat_at,
    durationMs: row.ended_at === null ? null : row.ended_at - row.started_at,
    peakViewers: row.peak_viewers,
    averageViewers: row.average_viewers,
    endReason: row.end_reason,
  };
}

export interface NewStream {
  id: string;
  roomName: string;
  title: string;
  tags: string[];
  mode: StreamMode;
  startedAt: number;
}

export function createStream(db: Database, stream: NewStream): StreamRecord {
  db.prepare(
    `INSERT INTO streams (id, room_name, title, tags_json, mode, status, started_at, last_heartbeat_at)
     VALUES (@id, @roomName, @title, @tagsJson, @mode, 'live', @startedAt, @startedAt)`,
  ).run({ ...stream, tagsJson: JSON.stringify(stream.tags) });
  return getStream(db, stream.id)!;
}

/** Marks a live stream as still alive; crash recovery ends it at this time. */
export function heartbeatStream(db: Database, id: string, at: number): boolean {
  return db.prepare(`UPDATE streams SET last_heartbeat_at = ? WHERE id = ? AND status = 'live'`).run(at, id).changes === 1;
}

/** Raises the stream's peak if `viewers` beats it. */
export function notePeakViewers(db: Database, id: string, viewers: number): void {
  db.prepare('UPDATE streams SET peak_viewers = MAX(peak_viewers, ?) WHERE id = ?').run(viewers, id);
}

/**
 * Finalises a live stream: end time, reason, and the average of its viewer samples (time-weighted
 * would need equal spacing, which the sampler guarantees, so a plain mean is the time average).
 */
export function endStream(db: Database, id: string, endedAt: number, reason: string): StreamRecord | undefined {
  db.prepare(
    `UPDATE streams SET
       status = 'ended',
       ended_at = MAX(@endedAt, started_at),
       end_reason = @reason,
       average_viewers = (SELECT AVG(viewers) FROM stream_viewer_samples WHERE stream_id = @id),
       peak_viewers = MAX(peak_viewers, COALESCE((SELECT MAX(viewers) FROM stream_viewer_samples WHERE stream_id = @id), 0))
     WHERE id = @id AND status = 'live'`,
  ).run({ id, endedAt, reason });
  return getStream(db, id);
}

export function getStream(db: Database, id: string): StreamRecord | undefined {
  const row = db.prepare('SELECT * FROM streams WHERE id = ?').get(id) as StreamRow | undefined;
  return row && toStream(row);
}

export function listLiveStreams(db: Database): StreamRecord[] {
  const rows = db.prepare(`SELECT * FROM streams WHERE status = 'live'`).all() as StreamRow[];
  return rows.map(toStream);
}

/**
 * Closes every stream a crash left live at its last heartbeat. Returns the ids it closed.
 * Called once at startup, before anything can go live again.
 */
/**
 * The last moment a stream is known to have been on: its heartbeat, or anything stored later (a
 * chat message or viewer sample written in the seconds after the last heartbeat).
 */
function lastSignOfLife(db: Database, stream: StreamRecord): number {
  const row = db
    .prepare(
      `SELECT MAX(
         COALESCE((SELECT MAX(created_at) FROM chat_messages WHERE stream_id = @id), 0),
         COALESCE((SELECT MAX(at) FROM stream_viewer_samples WHERE stream_id = @id), 0)
       ) AS at`,
    )
    .get({ id: stream.id }) as { at: number };
  return Math.max(stream.lastHeartbeatAt, row.at);
}

/**
 * Closes streams a crash left live, at their last sign of life, marked as ended unexpectedly;
 * the participant and stage sessions still open end with them. Returns their ids.
 */
export function closeAbandonedStreams(db: Database): string[] {
  const closed: string[] = [];
  db.transaction(() => {
    for (const stream of listLiveStreams(db)) {
      const endedAt = lastSignOfLife(db, stream);
      endStream(db, stream.id, endedAt, CRASH_END_REASON);
      closeOpenSessions(db, stream.id, endedAt);
      closeOpenStageSessions(db, stream.id, endedAt);
      closed.push(stream.id);
    }
  })();
  return closed;
}

/** Keyset cursor: the (started_at, id) of the last row of the previous page. */
function encodeCursor(row: { startedAt: number; id: string }): string {
  return Buffer.from(JSON.stringify([row.startedAt, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): [number, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    /* an unreadable cursor is treated as "from the start" below */
  }
  return null;
}

/**
 * Filters shared by the page query and its count: a title/tag search (LIKE pattern, or NULL for
 * none) and a [fromAt, toAt) window on the start time, which the (started_at, id) index serves.
 */
const LIST_FILTER = `started_at >= @fromAt AND started_at < @toAt
  AND (@pattern IS NULL OR title LIKE @pattern ESCAPE '\\'
       OR EXISTS (SELECT 1 FROM json_each(streams.tags_json) WHERE json_each.value LIKE @pattern ESCAPE '\\'))`;

export const LIST_STREAMS_SQL = `SELECT * FROM streams
  WHERE (started_at, id) < (@cursorStart, @cursorId) AND ${LIST_FILTER}
  ORDER BY started_at DESC, id DESC
  LIMIT @limit`;

const COUNT_STREAMS_SQL = `SELECT COUNT(*) AS n FROM streams WHERE ${LIST_FILTER}`;

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export interface ListStreamsOptions {
  limit: number;
  cursor: string | null;
  /** Case-insensitive substring of the title or of any tag; empty or absent = no filter. */
  search?: string;
  /** Started at or after this time (epoch ms). */
  from?: number | null;
  /** Started before this time (epoch ms). */
  to?: number | null;
}

/** A page of streams, newest first, with a cursor for the next page and the filtered total. */
export function listStreams(db: Database, options: ListStreamsOptions): StreamPage {
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const search = options.search?.trim() ?? '';
  const filter = {
    pattern: search === '' ? null : containsPattern(search),
    fromAt: options.from ?? Number.MIN_SAFE_INTEGER,
    toAt: options.to ?? Number.MAX_SAFE_INTEGER,
  };
  const rows = db.prepare(LIST_STREAMS_SQL).all({
    ...filter,
    // No cursor: start above every real row, so the row-value comparison admits them all.
    cursorStart: after?.[0] ?? Number.MAX_SAFE_INTEGER,
    cursorId: after?.[1] ?? '',
    limit: options.limit + 1,
  }) as StreamRow[];
  const items = rows.slice(0, options.limit).map(toStream);
  const last = items.at(-1);
  const total = (db.prepare(COUNT_STREAMS_SQL).get(filter) as { n: number }).n;
  return { items, nextCursor: rows.length > options.limit && last ? encodeCursor(last) : null, total };
}

export function getStreamByRoomName(db: Database, roomName: string): StreamRecord | undefined {
  const row = db.prepare('SELECT * FROM streams WHERE room_name = ?').get(roomName) as StreamRow | undefined;
  return row && toStream(row);
}

/** Removes a stream and (by cascade) everything recorded for it. */
export function deleteStream(db: Database, id: string): boolean {
  return db.prepare('DELETE FROM streams WHERE id = ?').run(id).changes === 1;
}
