import type { Database } from '../openDatabase';
import type { ConnectionQuality } from '../../../shared/domain/history';

export interface QualityEventRow {
  identity: string;
  at: number;
  quality: ConnectionQuality;
}

/**
 * Records a participant's connection quality at `at` if it differs from the last one recorded
 * for them, so a stream of identical reports stores one row. Returns whether a row was written.
 */
export function recordQualityChange(
  db: Database,
  event: { streamId: string; identity: string; at: number; quality: ConnectionQuality },
): boolean {
  return (
    db
      .prepare(
        `INSERT INTO connection_quality_events (stream_id, identity, at, quality)
         SELECT @streamId, @identity, @at, @quality
         WHERE COALESCE((SELECT quality FROM connection_quality_events
                         WHERE stream_id = @streamId AND identity = @identity ORDER BY at DESC, id DESC LIMIT 1), '') <> @quality`,
      )
      .run(event).changes === 1
  );
}

export const QUALITY_EVENTS_SQL = `SELECT identity, at, quality FROM connection_quality_events
  WHERE stream_id = ? ORDER BY identity, at, id`;

/** Every quality change in a stream, grouped by participant and in time order. */
export function listQualityEvents(db: Database, streamId: string): QualityEventRow[] {
  return db.prepare(QUALITY_EVENTS_SQL).all(streamId) as QualityEventRow[];
}
