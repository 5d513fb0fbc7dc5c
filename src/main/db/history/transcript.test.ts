import { describe, expect, it } from 'vitest';
import { seedSimulatedStream } from '../../../../tests/history/simulatedStream';
import { openDatabase } from '../openDatabase';
import { insertChatMessage } from '../chat/chatMessages';
import { toMatchQuery } from './matchQuery';
import { searchMessages } from './search';
import { createStream, deleteStream } from './streams';
import { listTranscript } from './transcript';

function seedTwoStreams() {
  const db = openDatabase(':memory:');
  const first = seedSimulatedStream(db, { id: 'first', start: Date.UTC(2026, 0, 1) });
  const second = seedSimulatedStream(db, { id: 'second', start: Date.UTC(2026, 1, 1), title: 'Second show' });
  insertChatMessage(db, {
    id: 'second-extra',
    streamId: 'second',
    seq: 9,
    sender: { identity: 'v9', name: 'Nine', role: 'viewer' },
    text: 'Ünïcode café talk about pricing',
    createdAt: second.at(5),
    status: 'visible',
    holdReason: null,
  });
  return { db, first, second };
}

describe('transcript', () => {
  it('pages through every message in time order with moderation marks and a total', () => {
    const db = openDatabase(':memory:');
    const { id } = seedSimulatedStream(db);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = listTranscript(db, { streamId: id, cursor, limit: 4 });
      expect(page.total).toBe(6);
      seen.push(...page.items.map((m) => m.id.replace(`${id}-`, '')));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    const all = listTranscript(db, { streamId: id, cursor: null, limit: 10 }).items;
    expect(all[2]).toMatchObject({ status: 'rejected', holdReason: 'link', decidedBy: 'host' });
    expect(all[3]).toMatchObject({ status: 'visible', holdReason: 'new chatter', decidedBy: 'moderator:ana', seq: 3 });
    expect(all[4]).toMatchObject({ status: 'deleted', decidedBy: 'host', text: 'something rude\nover two lines' });
    expect(all[5]).toMatchObject({ status: 'held', decidedBy: null });
  });

  it('keeps messages of the same millisecond apart across pages', () => {
    const db = openDatabase(':memory:');
    createStream(db, { id: 's', roomName: 'r', title: 'T', tags: [], mode: 'voice_only', startedAt: 0 });
    for (let i = 0; i < 5; i++) {
      insertChatMessage(db, {
        id: `m${i}`,
        streamId: 's',
        seq: i + 1,
        sender: { identity: 'a', name: 'A', role: 'viewer' },
        text: `same ${i}`,
        createdAt: 1_000,
        status: 'visible',
        holdReason: null,
      });
    }
    const first = listTranscript(db, { streamId: 's', cursor: null, limit: 2 });
    const second = listTranscript(db, { streamId: 's', cursor: first.nextCursor, limit: 2 });
    const third = listTranscript(db, { streamId: 's', cursor: second.nextCursor, limit: 2 });
    expect([...first.items, ...second.items, ...third.items].map((m) => m.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(third.nextCursor).toBeNull();
  });

  it('narrows a stream’s transcript by full-text query, leaving other streams out', () => {
    const { db } = seedTwoStreams();
    const page = listTranscript(db, { streamId: 'second', cursor: null, limit: 10, query: 'pricing' });
    expect(page.items.map((m) => m.id)).toEqual(['second-extra', 'second-m6']);
    expect(page.total).toBe(2);
    expect(listTranscript(db, { streamId: 'second', cursor: null, limit: 10, query: '!!!' })).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
  });
});

describe('full-text search', () => {
  it('finds a message across streams, newest first, with the stream it belongs to', () => {
    const { db } = seedTwoStreams();
    const page = searchMessages(db, { query: 'pricing', cursor: null, limit: 10 });
    expect(page.hits.map((hit) => [hit.stream.title, hit.message.id])).toEqual([
      ['Second show', 'second-extra'],
      ['Second show', 'second-m6'],
      ['Launch day Q&A', 'first-m6'],
    ]);
    expect(page).toMatchObject({ total: 3, totalCapped: false, nextCursor: null });
  });

  it('matches whole words, prefixes on request, ignores case and accents, and requires every word', () => {
    const { db } = seedTwoStreams();
    expect(searchMessages(db, { query: 'CAFE', cursor: null, limit: 10 }).hits.map((h) => h.message.id)).toEqual(['second-extra']);
    expect(searchMessages(db, { query: 'excit', cursor: null, limit: 10 }).total).toBe(0);
    expect(searchMessages(db, { query: 'excit*', cursor: null, limit: 10 }).total).toBe(2);
    expect(searchMessages(db, { query: 'hello launch', cursor: null, limit: 10 }).total).toBe(2);
    expect(searchMessages(db, { query: 'hello pricing', cursor: null, limit: 10 }).total).toBe(0);
  });

  it('pages with a cursor without repeating a hit', () => {
    const { db } = seedTwoStreams();
    const first = searchMessages(db, { query: 'pricing', cursor: null, limit: 2 });
    const second = searchMessages(db, { query: 'pricing', cursor: first.nextCursor, limit: 2 });
    expect([...first.hits, ...second.hits].map((h) => h.message.id)).toEqual(['second-extra', 'second-m6', 'first-m6']);
    expect(second.nextCursor).toBeNull();
  });

  it('treats FTS5 syntax in the query as plain words', () => {
    const { db } = seedTwoStreams();
    for (const query of ['"', 'text:hello', 'hello OR', 'NEAR(', '*', 'a"b', '-hello', '^hello']) {
      expect(() => searchMessages(db, { query, cursor: null, limit: 5 })).not.toThrow();
    }
    expect(toMatchQuery('hello OR world*')).toBe('"hello" "OR" "world"*');
    expect(toMatchQuery('text:hello ')).toBe('"text" "hello"');
    expect(toMatchQuery('*a b**')).toBe('"a" "b"*');
    expect(toMatchQuery('  ;; ')).toBeNull();
  });

  it('forgets a deleted stream’s messages', () => {
    const { db } = seedTwoStreams();
    deleteStream(db, 'second');
    expect(searchMessages(db, { query: 'pricing', cursor: null, limit: 10 }).hits.map((h) => h.message.id)).toEqual(['first-m6']);
    const left = db
      .prepare('SELECT (SELECT COUNT(*) FROM chat_search_rows) AS rows, (SELECT COUNT(*) FROM chat_messages) AS messages')
      .get();
    expect(left).toEqual({ rows: 6, messages: 6 });
    for (const table of ['stage_sessions', 'connection_quality_events', 'participant_sessions', 'moderation_actions']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE stream_id = 'second'`).get()).toEqual({ n: 0 });
    }
  });

  it('follows an edit of a message’s text', () => {
    const { db } = seedTwoStreams();
    db.prepare(`UPDATE chat_messages SET text = 'rewritten entirely' WHERE id = 'first-m6'`).run();
    expect(searchMessages(db, { query: 'pricing', cursor: null, limit: 10 }).total).toBe(2);
    expect(searchMessages(db, { query: 'rewritten', cursor: null, limit: 10 }).hits.map((h) => h.message.id)).toEqual(['first-m6']);
  });

  it('is unaffected by VACUUM renumbering chat_messages rowids', () => {
    const { db } = seedTwoStreams();
    // Deleting early rows leaves gaps that VACUUM closes by renumbering implicit rowids.
    db.prepare(`DELETE FROM chat_messages WHERE id IN ('first-m1', 'first-m2', 'first-m3')`).run();
    db.exec('VACUUM');
    expect(searchMessages(db, { query: 'pricing', cursor: null, limit: 10 }).hits.map((h) => h.message.text)).toEqual([
      'Ünïcode café talk about pricing',
      'late question about pricing',
      'late question about pricing',
    ]);
  });
});
