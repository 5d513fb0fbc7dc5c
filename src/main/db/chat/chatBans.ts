import type { Database } from '../openDatabase';
import type { ChatBan } from '../../../shared/domain/chat';

interface BanRow {
  identity: string;
  stream_id: string | null;
  actor: string;
  reason: string | null;
  created_at: number;
}

function toBan(row: BanRow): ChatBan {
  return { identity: row.identity, streamId: row.stream_id, actor: row.actor, reason: row.reason, createdAt: row.created_at };
}

/** Bans `identity` from one stream, or from every stream when `streamId` is null. */
export function insertBan(
  db: Database,
  ban: { identity: string; streamId: string | null; actor: string; reason: string | null; at: number },
): void {
  db.prepare('INSERT INTO chat_bans (identity, stream_id, actor, reason, created_at) VALUES (?, ?, ?, ?, ?)').run(
    ban.identity,
    ban.streamId,
    ban.actor,
    ban.reason,
    ban.at,
  );
}

/** The active ban that keeps `identity` out of `streamId`, if any (a global ban applies everywhere). */
export function findActiveBan(db: Database, streamId: string, identity: string): ChatBan | undefined {
  const row = db
    .prepare(
      `SELECT identity, stream_id, actor, reason, created_at FROM chat_bans
       WHERE identity = ? AND lifted_at IS NULL AND (stream_id IS NULL OR stream_id = ?) LIMIT 1`,
    )
    .get(identity, streamId) as BanRow | undefined;
  return row && toBan(row);
}

export function listActiveBans(db: Database, streamId: string): ChatBan[] {
  const rows = db
    .prepare(
      `SELECT identity, stream_id, actor, reason, created_at FROM chat_bans
       WHERE lifted_at IS NULL AND (stream_id IS NULL OR stream_id = ?) ORDER BY created_at DESC LIMIT 500`,
    )
    .all(streamId) as BanRow[];
  return rows.map(toBan);
}

/** Lifts this stream's and global bans on `identity`; returns how many were lifted. */
export function liftBans(db: Database, streamId: string, identity: string, by: string, at: number): number {
  return db
    .prepare(
      `UPDATE chat_bans SET lifted_at = ?, lifted_by = ? WHERE identity = ? AND lifted_at IS NULL AND (stream_id IS NULL OR stream_id = ?)`,
    )
    .run(at, by, identity, streamId).changes;
}

export function upsertTimeout(
  db: Database,
  t: { streamId: string; identity: string; until: number; actor: string; reason: string | null; at: number },
): void {
  db.prepare(
    `INSERT INTO chat_timeouts (stream_id, identity, until, actor, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (stream_id, identity) DO UPDATE SET until = excluded.until, actor = excluded.actor, reason = excluded.reason, created_at = excluded.created_at`,
  ).run(t.streamId, t.identity, t.until, t.actor, t.reason, t.at);
}

/** When the chatter's timeout ends, or null when they are not timed out at `now`. */
export function activeTimeoutUntil(db: Database, streamId: string, identity: string, now: number): number | null {
  const row = db
    .prepare('SELECT until FROM chat_timeouts WHERE stream_id = ? AND identity = ? AND until > ?')
    .get(streamId, identity, now) as { until: number } | undefined;
  return row?.until ?? null;
}

export function clearTimeout(db: Database, streamId: string, identity: string): boolean {
  return db.prepare('DELETE FROM chat_timeouts WHERE stream_id = ? AND identity = ?').run(streamId, identity).changes === 1;
}
