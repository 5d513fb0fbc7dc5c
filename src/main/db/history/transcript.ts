import type { Database } from '../openDatabase';
import type { TranscriptEntry, TranscriptPage } from '../../../shared/domain/history';
import type { ChatMessageRow } from '../chat/chatMessages';
import { toMatchQuery } from './matchQuery';

/** A `chat_messages` row plus its rowid, which breaks ties between messages of the same millisecond. */
export type TranscriptRow = ChatMessageRow & { row_key: number };

/** Row → transcript entry; shared by the transcript, search and export queries. */
export function toTranscriptEntry(row: TranscriptRow): TranscriptEntry {
  return {
    id: row.id,
    streamId: row.stream_id,
    seq: row.seq,
    createdAt: row.created_at,
    sender: { identity: row.sender_identity, name: row.sender_name, role: row.sender_role },
    text: row.text,
    status: row.status,
    holdReason: row.hold_reason,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

/**
 * One page of a stream's chat in time order. Every status is included (held, rejected and deleted
 * messages are the point of a moderation record). The (created_at, rowid) row value walks the
 * (stream_id, created_at) index, whose entries end in the rowid, so there is no sort step.
 */
export const TRANSCRIPT_PAGE_SQL = `SELECT rowid AS row_key, * FROM chat_messages
  WHERE stream_id = @streamId AND (created_at, rowid) > (@afterAt, @afterRow)
  ORDER BY created_at, rowid
  LIMIT @limit`;

/**
 * The same page narrowed to messages matching a full-text query. FTS5 is asked only for rowids
 * inside the stream's band (see migration 003), then the stream filter and the time order apply
 * to those few matches — instead of materializing every match in every stream. CROSS JOIN keeps
 * FTS5 as the outer loop: SQLite never reorders it, whatever the statistics say.
 */
export const TRANSCRIPT_MATCH_SQL = `SELECT m.rowid AS row_key, m.* FROM chat_fts f
  CROSS JOIN chat_search_rows r ON r.rowid = f.rowid
  CROSS JOIN chat_messages m ON m.id = r.message_id
  WHERE chat_fts MATCH @match AND f.rowid BETWEEN @lo AND @hi AND r.stream_id = @streamId
    AND (m.created_at, m.rowid) > (@afterAt, @afterRow)
  ORDER BY m.created_at, m.rowid
  LIMIT @limit`;

const COUNT_SQL = 'SELECT COUNT(*) AS n FROM chat_messages WHERE stream_id = @streamId';
const COUNT_MATCH_SQL = `SELECT COUNT(*) AS n FROM chat_fts f CROSS JOIN chat_search_rows r ON r.rowid = f.rowid
  WHERE chat_fts MATCH @match AND f.rowid BETWEEN @lo AND @hi AND r.stream_id = @streamId`;

/** The lowest and highest search rowid of a stream's messages (two index seeks). */
export const STREAM_BAND_SQL = `SELECT
  (SELECT MIN(rowid) FROM chat_search_rows WHERE stream_id = @streamId) AS lo,
  (SELECT MAX(rowid) FROM chat_search_rows WHERE stream_id = @streamId) AS hi`;

function encodeCursor(row: TranscriptRow): string {
  return Buffer.from(JSON.stringify([row.created_at, row.row_key])).toString('base64url');
}

function decodeCursor(cursor: string | null): [number, number] {
  if (cursor) {
    try {
      const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(value) && Number.isSafeInteger(value[0]) && Number.isSafeInteger(value[1]))
        return [value[0] as number, value[1] as number];
    } catch {
      /* an unreadable cursor starts from the beginning, like no cursor */
    }
  }
  return [Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
}

export interface TranscriptQuery {
  streamId: string;
  cursor: string | null;
  limit: number;
  /** Free text; empty = every message. */
  query?: string;
}

/** A page of a stream's transcript, oldest first, with the cursor of the next page and the total. */
export function listTranscript(db: Database, options: TranscriptQuery): TranscriptPage {
  const match = options.query ? toMatchQuery(options.query) : null;
  if (options.query && match === null) return { items: [], nextCursor: null, total: 0 };
  const [afterAt, afterRow] = decodeCursor(options.cursor);
  const { streamId, limit } = options;
  let rows: TranscriptRow[];
  let total: number;
  if (match === null) {
    rows = db.prepare(TRANSCRIPT_PAGE_SQL).all({ streamId, afterAt, afterRow, limit: limit + 1 }) as TranscriptRow[];
    total = (db.prepare(COUNT_SQL).get({ streamId }) as { n: number }).n;
  } else {
    const band = db.prepare(STREAM_BAND_SQL).get({ streamId }) as { lo: number | null; hi: number | null };
    if (band.lo === null || band.hi === null) return { items: [], nextCursor: null, total: 0 };
    const params = { streamId, match, lo: band.lo, hi: band.hi };
    rows = db.prepare(TRANSCRIPT_MATCH_SQL).all({ ...params, afterAt, afterRow, limit: limit + 1 }) as TranscriptRow[];
    total = (db.prepare(COUNT_MATCH_SQL).get(params) as { n: number }).n;
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toTranscriptEntry), nextCursor: rows.length > limit && last ? encodeCursor(last) : null, total };
}
