import type { Database } from '../openDatabase';

export interface GuestSessionRecord {
  id: string;
  inviteId: string;
  identity: string;
  name: string;
  createdAt: number;
  removedFrom: string | null;
  /** When the guest was last removed (kicked, or their invite revoked), in any stream; null if never. */
  removedAt: number | null;
  notice: string | null;
}

interface GuestSessionRow {
  id: string;
  invite_id: string;
  identity: string;
  name: string;
  created_at: number;
  removed_from: string | null;
  removed_at: number | null;
  notice: string | null;
}

function toRecord(row: GuestSessionRow): GuestSessionRecord {
  return {
    id: row.id,
    inviteId: row.invite_id,
    identity: row.identity,
    name: row.name,
    createdAt: row.created_at,
    removedFrom: row.removed_from,
    removedAt: row.removed_at,
    notice: row.notice,
  };
}

export function insertGuestSession(
  db: Database,
  session: { id: string; tokenHash: string; inviteId: string; identity: string; name: string; createdAt: number },
): GuestSessionRecord {
  db.prepare(
    `INSERT INTO guest_sessions (id, token_hash, invite_id, identity, name, created_at)
     VALUES (@id, @tokenHash, @inviteId, @identity, @name, @createdAt)`,
  ).run(session);
  return findGuestByIdentity(db, session.identity)!;
}

export function findGuestByTokenHash(db: Database, tokenHash: string): GuestSessionRecord | undefined {
  const row = db.prepare('SELECT * FROM guest_sessions WHERE token_hash = ?').get(tokenHash) as GuestSessionRow | undefined;
  return row && toRecord(row);
}

export function findGuestByIdentity(db: Database, identity: string): GuestSessionRecord | undefined {
  const row = db.prepare('SELECT * FROM guest_sessions WHERE identity = ?').get(identity) as GuestSessionRow | undefined;
  return row && toRecord(row);
}

export function listGuestsOfInvite(db: Database, inviteId: string): GuestSessionRecord[] {
  return (db.prepare('SELECT * FROM guest_sessions WHERE invite_id = ?').all(inviteId) as GuestSessionRow[]).map(toRecord);
}

/** Marks a guest removed from a stream (kicked, or rejected) with the sentence they will see. */
export function markGuestRemoved(db: Database, identity: string, streamId: string, at: number, notice: string): void {
  db.prepare('UPDATE guest_sessions SET removed_from = ?, removed_at = ?, notice = ? WHERE identity = ?').run(streamId, at, notice, identity);
}
