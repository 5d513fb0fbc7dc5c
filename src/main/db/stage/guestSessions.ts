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

/** Every column a `GuestSessionRecord` shows, named as its fields (never the token hash). */
const GUEST_COLUMNS = `id, invite_id AS inviteId, identity, name, created_at AS createdAt, removed_from AS removedFrom,
  removed_at AS removedAt, notice`;

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
  return db.prepare(`SELECT ${GUEST_COLUMNS} FROM guest_sessions WHERE token_hash = ?`).get(tokenHash) as GuestSessionRecord | undefined;
}

export function findGuestByIdentity(db: Database, identity: string): GuestSessionRecord | undefined {
  return db.prepare(`SELECT ${GUEST_COLUMNS} FROM guest_sessions WHERE identity = ?`).get(identity) as GuestSessionRecord | undefined;
}

export function listGuestsOfInvite(db: Database, inviteId: string): GuestSessionRecord[] {
  return db.prepare(`SELECT ${GUEST_COLUMNS} FROM guest_sessions WHERE invite_id = ?`).all(inviteId) as GuestSessionRecord[];
}

/** Marks a guest removed from a stream (kicked, or rejected) with the sentence they will see. */
export function markGuestRemoved(db: Database, identity: string, streamId: string, at: number, notice: string): void {
  db.prepare('UPDATE guest_sessions SET removed_from = ?, removed_at = ?, notice = ? WHERE identity = ?').run(
    streamId,
    at,
    notice,
    identity,
  );
}
