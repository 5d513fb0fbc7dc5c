import type { Database } from '../openDatabase';
import type { TranscriptEntry } from '../../../shared/domain/history';
import { toTranscriptEntry, type TranscriptRow } from './transcript';

/** Every message of a stream in time order, every status, for export. */
export function listStreamMessages(db: Database, streamId: string): TranscriptEntry[] {
  const rows = db
    .prepare('SELECT rowid AS row_key, * FROM chat_messages WHERE stream_id = ? ORDER BY created_at, rowid')
    .all(streamId) as TranscriptRow[];
  return rows.map(toTranscriptEntry);
}

/** One audit-log row as exported: every column, details still as the JSON text stored. */
export interface AuditExportRow {
  id: number;
  createdAt: number;
  actor: string;
  action: string;
  targetIdentity: string | null;
  targetMessageId: string | null;
  reason: string | null;
  detailsJson: string | null;
}

/** A stream's moderation log, oldest first. */
export function listStreamModerationLog(db: Database, streamId: string): AuditExportRow[] {
  return db
    .prepare(
      `SELECT id, created_at AS createdAt, actor, action, target_identity AS targetIdentity,
         target_message AS targetMessageId, reason, details_json AS detailsJson
       FROM moderation_actions WHERE stream_id = ? ORDER BY created_at, id`,
    )
    .all(streamId) as AuditExportRow[];
}
