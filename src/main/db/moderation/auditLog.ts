import type { Database } from '../openDatabase';
import type { AuditAction, AuditEntry } from '../../../shared/domain/chat';

interface AuditRow {
  id: number;
  stream_id: string | null;
  actor: string;
  action: AuditAction;
  target_identity: string | null;
  target_message: string | null;
  reason: string | null;
  details_json: string | null;
  created_at: number;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    streamId: row.stream_id,
    actor: row.actor,
    action: row.action,
    targetIdentity: row.target_identity,
    targetMessageId: row.target_message,
    reason: row.reason,
    details: row.details_json === null ? null : (JSON.parse(row.details_json) as Record<string, unknown>),
    createdAt: row.created_at,
  };
}

export interface NewAuditEntry {
  streamId: string | null;
  actor: string;
  action: AuditAction;
  targetIdentity?: string | null;
  targetMessageId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
  at: number;
}

/** Appends one action to the audit log (`moderation_actions`) and returns it as stored. */
export function appendAudit(db: Database, entry: NewAuditEntry): AuditEntry {
  const info = db
    .prepare(
      `INSERT INTO moderation_actions (stream_id, actor, action, target_identity, target_message, reason, details_json, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      entry.streamId,
      entry.actor,
      entry.action,
      entry.targetIdentity ?? null,
      entry.targetMessageId ?? null,
      entry.reason ?? null,
      entry.details ? JSON.stringify(entry.details) : null,
      entry.at,
    );
  const row = db.prepare('SELECT * FROM moderation_actions WHERE id = ?').get(info.lastInsertRowid) as AuditRow;
  return toEntry(row);
}

/** Newest first; `beforeId` pages backwards. A null stream lists actions not tied to a stream. */
export function listAudit(db: Database, filter: { streamId: string | null; beforeId?: number; limit: number }): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM moderation_actions
       WHERE stream_id IS @streamId AND id < @beforeId ORDER BY id DESC LIMIT @limit`,
    )
    .all({ streamId: filter.streamId, beforeId: filter.beforeId ?? Number.MAX_SAFE_INTEGER, limit: filter.limit }) as AuditRow[];
  return rows.map(toEntry);
}
