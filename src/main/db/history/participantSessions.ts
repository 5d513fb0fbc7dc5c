import type { Database } from '../openDatabase';

export type SessionRoleInStream = 'host' | 'viewer' | 'guest' | 'moderator';

/**
 * Opens a session row when someone joins a stream's room, unless one is already open for them:
 * a join reported twice (by a webhook and by the host's own view of the room) is one session.
 * Returns whether a row was added.
 */
export function openParticipantSession(
  db: Database,
  session: { streamId: string; identity: string; name: string; role: SessionRoleInStream; joinedAt: number },
): boolean {
  const result = db
    .prepare(
      `INSERT INTO participant_sessions (stream_id, identity, name, role, joined_at)
       SELECT @streamId, @identity, @name, @role, @joinedAt
       WHERE NOT EXISTS (SELECT 1 FROM participant_sessions WHERE stream_id = @streamId AND identity = @identity AND left_at IS NULL)`,
    )
    .run(session);
  return result.changes === 1;
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
  return db
    .prepare('UPDATE participant_sessions SET left_at = MAX(?, joined_at) WHERE stream_id = ? AND left_at IS NULL')
    .run(leftAt, streamId).changes;
}
