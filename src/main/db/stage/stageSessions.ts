import type { Database } from '../openDatabase';

/** One stint of a guest on stage; `offAt` is null while they are still on. */
export interface StageStintRow {
  identity: string;
  name: string;
  onAt: number;
  offAt: number | null;
}

/** Records a guest stepping onto the stage. A guest already on stage keeps their open stint. */
export function openStageSession(db: Database, stint: { streamId: string; identity: string; name: string; at: number }): void {
  db.prepare(
    `INSERT INTO stage_sessions (stream_id, identity, name, on_at)
     SELECT @streamId, @identity, @name, @at
     WHERE NOT EXISTS (SELECT 1 FROM stage_sessions WHERE stream_id = @streamId AND identity = @identity AND off_at IS NULL)`,
  ).run(stint);
}

/** Closes a guest's open stint (moved backstage, kicked, left). False when none was open. */
export function closeStageSession(db: Database, streamId: string, identity: string, at: number): boolean {
  return (
    db
      .prepare('UPDATE stage_sessions SET off_at = MAX(?, on_at) WHERE stream_id = ? AND identity = ? AND off_at IS NULL')
      .run(at, streamId, identity).changes > 0
  );
}

/** Closes every open stint when the show ends. Returns how many were open. */
export function closeOpenStageSessions(db: Database, streamId: string, at: number): number {
  return db.prepare('UPDATE stage_sessions SET off_at = MAX(?, on_at) WHERE stream_id = ? AND off_at IS NULL').run(at, streamId).changes;
}

export const STAGE_SESSIONS_SQL = `SELECT identity, name, on_at AS onAt, off_at AS offAt
  FROM stage_sessions WHERE stream_id = ? ORDER BY identity, on_at`;

/** Every stint in a stream, grouped by guest and in time order. */
export function listStageSessions(db: Database, streamId: string): StageStintRow[] {
  return db.prepare(STAGE_SESSIONS_SQL).all(streamId) as StageStintRow[];
}
