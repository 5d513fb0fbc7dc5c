import { DestinationSessionSchema, type DestinationSession } from '../../../shared/domain/multistream';
import type { Database } from '../openDatabase';

interface Row {
  destination_id: string;
  name: string;
  kind: string;
  started_at: number;
  ended_at: number | null;
  live_ms: number;
  failures: number;
  last_error: string | null;
}

/** The only writes to destination_sessions: open at connect, note on every state change, close at stop. */
export function openDestinationSession(
  db: Database,
  session: { streamId: string; destinationId: string; name: string; startedAt: number },
): number {
  const result = db
    .prepare('INSERT INTO destination_sessions (stream_id, destination_id, name, kind, started_at) VALUES (?, ?, ?, ?, ?)')
    .run(session.streamId, session.destinationId, session.name, 'rtmp', session.startedAt);
  return Number(result.lastInsertRowid);
}

export function noteDestinationSession(
  db: Database,
  id: number,
  progress: { liveMs: number; failures: number; lastError: string | null; endedAt?: number },
): void {
  db.prepare(
    'UPDATE destination_sessions SET live_ms = ?, failures = ?, last_error = ?, ended_at = COALESCE(?, ended_at) WHERE id = ?',
  ).run(Math.round(progress.liveMs), progress.failures, progress.lastError, progress.endedAt ?? null, id);
}

/** After a crash: sessions left open end where their recorded live time ends. */
export function closeOpenDestinationSessions(db: Database): number {
  return db.prepare('UPDATE destination_sessions SET ended_at = started_at + live_ms WHERE ended_at IS NULL').run().changes;
}

export function listDestinationSessionsOfStream(db: Database, streamId: string): DestinationSession[] {
  const rows = db
    .prepare(
      'SELECT destination_id, name, kind, started_at, ended_at, live_ms, failures, last_error FROM destination_sessions WHERE stream_id = ? ORDER BY started_at, id',
    )
    .all(streamId) as Row[];
  return rows.map((row) =>
    DestinationSessionSchema.parse({
      destinationId: row.destination_id,
      name: row.name,
      kind: row.kind,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      liveMs: row.live_ms,
      failures: row.failures,
      lastError: row.last_error,
    }),
  );
}
