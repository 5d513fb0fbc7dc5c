import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { createStream, listStreams } from './streams';

const DAY = 86_400_000;

function seed() {
  const db = openDatabase(':memory:');
  const streams = [
    { id: 'a', title: 'Launch day', tags: ['launch', 'Product'], day: 1 },
    { id: 'b', title: 'Weekly Q&A', tags: ['community'], day: 2 },
    { id: 'c', title: 'Speedrun 100%', tags: [], day: 3 },
    { id: 'd', title: 'After the launch', tags: ['retro'], day: 4 },
    { id: 'e', title: 'snake_case talk', tags: ['code'], day: 5 },
  ];
  for (const s of streams)
    createStream(db, { id: s.id, roomName: s.id, title: s.title, tags: s.tags, mode: 'voice_only', startedAt: s.day * DAY });
  return db;
}

const ids = (page: { items: { id: string }[] }) => page.items.map((s) => s.id);

describe('history list search and date filter', () => {
  it('matches the title or any tag, ignoring case, and counts only matches', () => {
    const db = seed();
    const page = listStreams(db, { limit: 10, cursor: null, search: 'LAUNCH' });
    expect(ids(page)).toEqual(['d', 'a']);
    expect(page.total).toBe(2);
    expect(ids(listStreams(db, { limit: 10, cursor: null, search: 'product' }))).toEqual(['a']);
    expect(ids(listStreams(db, { limit: 10, cursor: null, search: 'commun' }))).toEqual(['b']);
  });

  it('takes % and _ literally', () => {
    const db = seed();
    expect(ids(listStreams(db, { limit: 10, cursor: null, search: '100%' }))).toEqual(['c']);
    expect(ids(listStreams(db, { limit: 10, cursor: null, search: 'e_c' }))).toEqual(['e']);
    expect(ids(listStreams(db, { limit: 10, cursor: null, search: '%' }))).toEqual(['c']);
  });

  it('keeps streams started in [from, to) and pages within the filter', () => {
    const db = seed();
    const first = listStreams(db, { limit: 2, cursor: null, from: 2 * DAY, to: 5 * DAY });
    expect(ids(first)).toEqual(['d', 'c']);
    expect(first.total).toBe(3);
    const second = listStreams(db, { limit: 2, cursor: first.nextCursor, from: 2 * DAY, to: 5 * DAY });
    expect(ids(second)).toEqual(['b']);
    expect(second.nextCursor).toBeNull();
  });

  it('combines search and dates', () => {
    const db = seed();
    expect(ids(listStreams(db, { limit: 10, cursor: null, search: 'launch', from: 2 * DAY, to: null }))).toEqual(['d']);
  });
});
