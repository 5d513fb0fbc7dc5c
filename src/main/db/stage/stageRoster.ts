import type { Database } from '../openDatabase';
import type { StageGuest } from '../../../shared/domain/stage';

interface RosterRow {
  identity: string;
  name: string;
  state: 'backstage' | 'stage';
  slot: number | null;
}

export function listRoster(db: Database, streamId: string): StageGuest[] {
  return db
    .prepare('SELECT identity, name, state, slot FROM stage_roster WHERE stream_id = ? ORDER BY slot IS NULL, slot, updated_at')
    .all(streamId) as RosterRow[];
}

/** Replaces the whole roster of a stream in one transaction (slots are unique, so piecewise swaps would collide). */
export function saveRoster(db: Database, streamId: string, guests: readonly StageGuest[], at: number): void {
  db.transaction(() => {
    db.prepare('DELETE FROM stage_roster WHERE stream_id = ?').run(streamId);
    const insert = db.prepare('INSERT INTO stage_roster (stream_id, identity, name, state, slot, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const guest of guests) insert.run(streamId, guest.identity, guest.name, guest.state, guest.slot, at);
  })();
}

export function getSpotlight(db: Database, streamId: string): string | null {
  const row = db.prepare('SELECT identity FROM stage_spotlight WHERE stream_id = ?').get(streamId) as
    { identity: string | null } | undefined;
  return row?.identity ?? null;
}

export function setSpotlight(db: Database, streamId: string, identity: string | null): void {
  db.prepare(
    'INSERT INTO stage_spotlight (stream_id, identity) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET identity = excluded.identity',
  ).run(streamId, identity);
}

/** One guest's roster entry by primary key (the roster has no size limit, so never list to find one). */
export function findRosterGuest(db: Database, streamId: string, identity: string): StageGuest | undefined {
  return db.prepare('SELECT identity, name, state, slot FROM stage_roster WHERE stream_id = ? AND identity = ?').get(streamId, identity) as
    RosterRow | undefined;
}
