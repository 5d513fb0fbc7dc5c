import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { currentSchemaVersion } from '../migrate';
import { DELETED_SINCE_SQL, MESSAGES_AFTER_SQL, RECENT_MESSAGES_SQL, VISIBLE_FROM_SQL } from './chatMessages';

/** The hot chat queries must use their indexes, or join and resume slow down as history grows. */
describe('chat history queries', () => {
  const db = openDatabase(':memory:');
  const plan = (sql: string, ...args: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');

  it('has the chat moderation schema (migration 002)', () => {
    expect(currentSchemaVersion(db)).toBeGreaterThanOrEqual(2);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining(['chat_bans', 'chat_timeouts', 'moderation_items', 'moderation_reports', 'chat_stream_state']),
    );
  });

  it('reads recent and missed messages through the (stream, seq) index', () => {
    expect(plan(MESSAGES_AFTER_SQL, 's', 0, 10)).toMatch(/chat_messages_by_seq/);
    expect(plan(RECENT_MESSAGES_SQL, 's', 9, 10)).toMatch(/chat_messages_by_seq/);
  });

  it('checks for new chatters and deletions through their indexes', () => {
    expect(plan(VISIBLE_FROM_SQL, 's', 'v')).toMatch(/chat_messages_by_sender/);
    expect(plan(DELETED_SINCE_SQL, 's', 1, 1, 10)).toMatch(/chat_messages_deleted/);
    expect(
      plan(`SELECT * FROM moderation_items WHERE stream_id = ? AND status = ? ORDER BY created_at, id LIMIT 10`, 's', 'pending'),
    ).toMatch(/moderation_items_by_status/);
  });
});
