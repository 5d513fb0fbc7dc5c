import type { Database } from '../openDatabase';
import type { Invite, InviteRole } from '../../../shared/domain/stage';

interface InviteRow {
  id: string;
  code_hash: string;
  role: InviteRole;
  label: string;
  created_at: number;
  expires_at: number;
  max_uses: number;
  uses: number;
  revoked_at: number | null;
  source: 'host' | 'hand';
}

function toInvite(row: InviteRow, now: number): Invite {
  const status = row.revoked_at !== null ? 'revoked' : row.uses >= row.max_uses ? 'used_up' : row.expires_at <= now ? 'expired' : 'active';
  return {
    id: row.id,
    role: row.role,
    label: row.label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    maxUses: row.max_uses,
    uses: row.uses,
    revokedAt: row.revoked_at,
    source: row.source,
    status,
  };
}

export function insertInvite(
  db: Database,
  invite: {
    id: string;
    codeHash: string;
    role: InviteRole;
    label: string;
    createdAt: number;
    expiresAt: number;
    maxUses: number;
    source?: 'host' | 'hand';
  },
  now: number,
): Invite {
  db.prepare(
    `INSERT INTO invites (id, code_hash, role, label, created_at, expires_at, max_uses, source)
     VALUES (@id, @codeHash, @role, @label, @createdAt, @expiresAt, @maxUses, @source)`,
  ).run({ source: 'host', ...invite });
  return getInvite(db, invite.id, now)!;
}

export function getInvite(db: Database, id: string, now: number): Invite | undefined {
  const row = db.prepare('SELECT * FROM invites WHERE id = ?').get(id) as InviteRow | undefined;
  return row && toInvite(row, now);
}

export function findInviteByHash(db: Database, codeHash: string, now: number): Invite | undefined {
  const row = db.prepare('SELECT * FROM invites WHERE code_hash = ?').get(codeHash) as InviteRow | undefined;
  return row && toInvite(row, now);
}

/** The host's invites, newest first (raised-hand invites are the viewers' own, not listed). */
export function listInvites(db: Database, now: number, limit = 100): Invite[] {
  return (db.prepare("SELECT * FROM invites WHERE source = 'host' ORDER BY created_at DESC LIMIT ?").all(limit) as InviteRow[]).map((row) =>
    toInvite(row, now),
  );
}

/** Uses the invite once if it is still usable; false when another redemption got there first. */
export function consumeInvite(db: Database, id: string, now: number): boolean {
  return (
    db.prepare('UPDATE invites SET uses = uses + 1 WHERE id = ? AND revoked_at IS NULL AND uses < max_uses AND expires_at > ?').run(id, now)
      .changes === 1
  );
}

/** Whether an invite was revoked (a keyed read; guests are re-checked against it on every request). */
export function isInviteRevoked(db: Database, id: string): boolean {
  const row = db.prepare('SELECT revoked_at FROM invites WHERE id = ?').get(id) as { revoked_at: number | null } | undefined;
  return row !== undefined && row.revoked_at !== null;
}

export function revokeInvite(db: Database, id: string, now: number): boolean {
  return db.prepare('UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes === 1;
}
