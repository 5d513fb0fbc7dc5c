import type { Database } from '../openDatabase';
import { SEARCH_COUNT_LIMIT, type SearchPage } from '../../../shared/domain/history';
import { toMatchQuery } from './matchQuery';
import { toTranscriptEntry, type TranscriptRow } from './transcript';

/**
 * Matches newest first. `chat_search_rows` numbers messages in the order they were written, so
 * FTS5 can walk its doclist by descending rowid and stop after a page, without ranking or sorting
 * every match; the keyset cursor is the last rowid shown. CROSS JOIN pins FTS5 as the outer loop.
 */
export const SEARCH_SQL = `SELECT m.rowid AS row_key, f.rowid AS search_row, m.*, s.title AS stream_title, s.started_at AS stream_started_at
  FROM chat_fts f
  CROSS JOIN chat_search_rows r ON r.rowid = f.rowid
  CROSS JOIN chat_messages m ON m.id = r.message_id
  CROSS JOIN streams s ON s.id = m.stream_id
  WHERE chat_fts MATCH @match AND f.rowid < @before
  ORDER BY f.rowid DESC
  LIMIT @limit`;

const COUNT_SQL = `SELECT COUNT(*) AS n FROM (SELECT 1 FROM chat_fts WHERE chat_fts MATCH @match LIMIT @cap)`;

interface SearchRow extends TranscriptRow {
  search_row: number;
  stream_title: string;
  stream_started_at: number;
}

/** A page of chat messages from every stream that match `query`, newest first. */
export function searchMessages(db: Database, options: { query: string; cursor: string | null; limit: number }): SearchPage {
  const match = toMatchQuery(options.query);
  if (match === null) return { hits: [], nextCursor: null, total: 0, totalCapped: false };
  const before = options.cursor && /^\d{1,15}$/.test(options.cursor) ? Number(options.cursor) : Number.MAX_SAFE_INTEGER;
  const rows = db.prepare(SEARCH_SQL).all({ match, before, limit: options.limit + 1 }) as SearchRow[];
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  // Counting is capped: a very common word could match most of a million messages.
  const counted = (db.prepare(COUNT_SQL).get({ match, cap: SEARCH_COUNT_LIMIT + 1 }) as { n: number }).n;
  return {
    hits: page.map((row) => ({
      message: toTranscriptEntry(row),
      stream: { id: row.stream_id, title: row.stream_title, startedAt: row.stream_started_at },
    })),
    nextCursor: rows.length > options.limit && last ? String(last.search_row) : null,
    total: Math.min(counted, SEARCH_COUNT_LIMIT),
    totalCapped: counted > SEARCH_COUNT_LIMIT,
  };
}
