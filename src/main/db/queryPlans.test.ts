import { describe, expect, it } from 'vitest';
import { openDatabase } from './openDatabase';
import { ROLE_SESSIONS_SQL } from './history/analytics';
import { RECENT_SENDS_SQL } from './chat/chatMessages';
import { QUALITY_EVENTS_SQL } from './history/qualityEvents';
import { SEARCH_SQL } from './history/search';
import { STAGE_SESSIONS_SQL } from './stage/stageSessions';
import { LATEST_STAGE_REQUEST_SQL } from './moderation/moderationItems';
import { LIST_STREAMS_SQL } from './history/streams';
import { STREAM_BAND_SQL, TRANSCRIPT_MATCH_SQL, TRANSCRIPT_PAGE_SQL } from './history/transcript';

/** The hot history queries must be served by an index, never by a table scan or a sort. */
function plan(sql: string, params: unknown[] | Record<string, unknown>): string {
  const db = openDatabase(':memory:');
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (Array.isArray(params) ? statement.all(...params) : statement.all(params)) as { detail: string }[];
  return rows.map((row) => row.detail).join('\n');
}

describe('history query plans', () => {
  it('lists streams with a title/tag search and date window through the start-time index', () => {
    const detail = plan(LIST_STREAMS_SQL, { cursorStart: 9, cursorId: 'x', limit: 20, pattern: '%a%', fromAt: 0, toAt: 10 });
    expect(detail).toMatch(/SEARCH streams USING INDEX streams_by_start \(started_at>\? AND \(started_at,id\)<\(\?,\?\)\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('reads a transcript page by (stream, time) without sorting', () => {
    const detail = plan(TRANSCRIPT_PAGE_SQL, { streamId: 's', afterAt: 0, afterRow: 0, limit: 50 });
    expect(detail).toMatch(/SEARCH chat_messages USING INDEX chat_messages_by_time \(stream_id=\? AND \(created_at,rowid\)>\(\?,\?\)\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('searches one stream’s chat inside its rowid band of the FTS index, sorting only those matches', () => {
    const detail = plan(TRANSCRIPT_MATCH_SQL, { streamId: 's', match: '"hello"*', lo: 1, hi: 9, afterAt: 0, afterRow: 0, limit: 50 });
    expect(detail.split('\n')[0]).toMatch(/SCAN f VIRTUAL TABLE INDEX \d+:M1></);
    expect(detail).toMatch(/SEARCH r USING INTEGER PRIMARY KEY/);
    expect(plan(STREAM_BAND_SQL, { streamId: 's' })).toMatch(
      /SEARCH chat_search_rows USING COVERING INDEX chat_search_rows_by_stream \(stream_id=\?\)/,
    );
  });

  it('searches newest first straight from the FTS index, joining by primary keys', () => {
    const detail = plan(SEARCH_SQL, { match: '"hello"*', before: 1e9, limit: 20 });
    expect(detail).toMatch(/SCAN f VIRTUAL TABLE INDEX/);
    expect(detail).toMatch(/SEARCH r USING INTEGER PRIMARY KEY/);
    expect(detail).toMatch(/SEARCH m USING INDEX sqlite_autoindex_chat_messages_1 \(id=\?\)/);
    expect(detail).toMatch(/SEARCH s USING INDEX sqlite_autoindex_streams_1 \(id=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('reads viewer sessions, stage stints and quality changes of one stream by index', () => {
    expect(plan(ROLE_SESSIONS_SQL, ['s', 'viewer'])).toMatch(/USING INDEX participant_sessions_by_role \(stream_id=\? AND role=\?\)/);
    expect(plan(STAGE_SESSIONS_SQL, ['s'])).toMatch(/USING INDEX stage_sessions_by_stream \(stream_id=\?\)/);
    expect(plan(QUALITY_EVENTS_SQL, ['s'])).toMatch(/USING INDEX connection_quality_by_stream \(stream_id=\?\)/);
    for (const sql of [STAGE_SESSIONS_SQL, QUALITY_EVENTS_SQL]) expect(plan(sql, ['s'])).not.toMatch(/TEMP B-TREE/);
  });

  it('reads a guest’s latest stage request with one index seek, at any queue size', () => {
    const detail = plan(LATEST_STAGE_REQUEST_SQL, ['s', 'guest-1']);
    expect(detail).toMatch(
      /SEARCH moderation_items USING INDEX moderation_items_by_subject \(stream_id=\? AND subject_identity=\? AND kind=\?\)/,
    );
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('reads one chatter’s newest sends (limits after a restart) through the sender index', () => {
    const detail = plan(RECENT_SENDS_SQL, ['s', 'viewer-1', 5]);
    // Sorting only that chatter's rows of the stream is fine; scanning the table is not.
    expect(detail).toMatch(/SEARCH chat_messages USING INDEX chat_messages_by_sender \(stream_id=\? AND sender_identity=\?\)/);
  });
});
