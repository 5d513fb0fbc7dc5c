import type { Database } from '../db/openDatabase';

export type SessionRoleInStream = 'host' | 'viewer' | 'guest' | 'moderator';

/** Opens a session row when someone joins a stream's room; returns its id. */
export function openParticipantSession(
  db: Database,
  session: { streamId: string; identity: string; name: string; role: SessionRoleInStream; joinedAt: number },
): number {
  const result = db
    .prepare('INSERT INTO participant_sessions (stream_id, identity, name, role, joined_at) VALUES (?, ?, ?, ?, ?)')
    .run(session.streamId, session.identity, session.name, session.role, session.joinedAt);
  return Number(result.lastInsertRowid);
}

/** Closes the newest open session of an identity in a stream (a participant has at most one). */
export function closeParticipantSession(db: Database, streamId: string, identity: string, leftAt: number): boolean {
  return (
    db
      .prepare(
        `UPDATE participant_sessions SET left_at = MAX(?, joined_at)
         WHERE id = (SELECT id FROM participant_sessions
                     WHERE stream_id = ? AND identity = ? AND left_at IS NULL
                     ORDER BY joined_at DESC LIMIT 1)`,
      )
      .run(leftAt, streamId, identity).changes === 1
  );
}

/** Closes every session still open when a stream ends. */
export function closeOpenSessions(db: Database, streamId: string, leftAt: number): number {
  return db.prepare('UPDATE participant_sessions SET left_at = MAX(?, joined_at) WHERE stream_id = ? AND left_at IS NULL').run(leftAt, streamId)
    .changes;
}

export function countUniqueViewers(db: Database, streamId: string): number {
  return (
    db.prepare(`SELECT COUNT(DISTINCT identity) AS n FROM participant_sessions WHERE stream_id = ? AND role = 'viewer'`).get(streamId) as {
      n: number;
    }
  ).n;
}
