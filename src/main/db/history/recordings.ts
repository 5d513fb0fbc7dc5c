import type { Recording, RecordingStatus } from '../../../shared/domain/recording';
import type { Database } from '../openDatabase';

/** Every column a `Recording` shows, named as its fields, so rows need no mapping. */
const RECORDING_COLUMNS = `id, stream_id AS streamId, file_name AS fileName, mime_type AS mimeType, bytes, duration_ms AS durationMs,
  started_at AS startedAt, ended_at AS endedAt, status, error`;

export function insertRecording(
  db: Database,
  recording: { id: string; streamId: string; fileName: string; mimeType: string; startedAt: number },
): Recording {
  db.prepare(
    `INSERT INTO recordings (id, stream_id, file_name, mime_type, started_at, updated_at, status)
     VALUES (@id, @streamId, @fileName, @mimeType, @startedAt, @startedAt, 'recording')`,
  ).run(recording);
  return getRecording(db, recording.id)!;
}

export function getRecording(db: Database, id: string): Recording | undefined {
  return db.prepare(`SELECT ${RECORDING_COLUMNS} FROM recordings WHERE id = ?`).get(id) as Recording | undefined;
}

export function listRecordingsOfStream(db: Database, streamId: string): Recording[] {
  return db.prepare(`SELECT ${RECORDING_COLUMNS} FROM recordings WHERE stream_id = ? ORDER BY started_at, id`).all(streamId) as Recording[];
}

/** Recordings still marked as being written; with `updatedBefore`, only those idle since then. */
export function listOpenRecordings(db: Database, updatedBefore = Number.MAX_SAFE_INTEGER): Recording[] {
  return db
    .prepare(`SELECT ${RECORDING_COLUMNS} FROM recordings WHERE status = 'recording' AND updated_at < ?`)
    .all(updatedBefore) as Recording[];
}

/** Records that a piece reached the file. */
export function noteRecordingProgress(db: Database, id: string, progress: { bytes: number; durationMs: number; at: number }): void {
  db.prepare('UPDATE recordings SET bytes = @bytes, duration_ms = MAX(duration_ms, @durationMs), updated_at = @at WHERE id = @id').run({
    id,
    ...progress,
  });
}

/** Closes a recording; `bytes` is what the file really holds. */
export function closeRecording(
  db: Database,
  id: string,
  end: { status: Exclude<RecordingStatus, 'recording'>; bytes: number; durationMs?: number; at: number; error?: string | null },
): Recording | undefined {
  db.prepare(
    `UPDATE recordings SET status = @status, bytes = @bytes, duration_ms = MAX(duration_ms, @durationMs), ended_at = @at, updated_at = @at,
       error = @error WHERE id = @id`,
  ).run({ id, status: end.status, bytes: end.bytes, durationMs: end.durationMs ?? 0, at: end.at, error: end.error ?? null });
  return getRecording(db, id);
}

/** File names of a stream's recordings, read before the stream's rows are deleted. */
export function recordingFilesOfStream(db: Database, streamId: string): string[] {
  return (db.prepare('SELECT file_name FROM recordings WHERE stream_id = ?').all(streamId) as { file_name: string }[]).map(
    (row) => row.file_name,
  );
}
