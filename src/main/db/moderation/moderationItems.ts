import type { Database } from '../openDatabase';
import type { ChatRole, ModerationItem, ModerationKind, ModerationStatus } from '../../../shared/domain/chat';

interface ItemRow {
  id: string;
  stream_id: string;
  kind: ModerationKind;
  status: ModerationStatus;
  subject_identity: string;
  subject_name: string;
  message_id: string | null;
  reason: string;
  report_count: number;
  details_json: string;
  created_at: number;
  decided_by: string | null;
  decided_at: number | null;
  m_text: string | null;
  m_created_at: number | null;
  m_role: ChatRole | null;
}

const SELECT_ITEMS = `SELECT i.*, m.text AS m_text, m.created_at AS m_created_at, m.sender_role AS m_role
  FROM moderation_items i LEFT JOIN chat_messages m ON m.id = i.message_id`;

function toItem(row: ItemRow): ModerationItem {
  return {
    id: row.id,
    streamId: row.stream_id,
    kind: row.kind,
    status: row.status,
    subject: { identity: row.subject_identity, name: row.subject_name },
    message:
      row.message_id !== null && row.m_text !== null
        ? { id: row.message_id, text: row.m_text, createdAt: row.m_created_at ?? row.created_at, senderRole: row.m_role ?? 'viewer' }
        : null,
    reason: row.reason,
    reportCount: row.report_count,
    createdAt: row.created_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

export interface NewModerationItem {
  id: string;
  streamId: string;
  kind: ModerationKind;
  subject: { identity: string; name: string };
  messageId: string | null;
  reason: string;
  createdAt: number;
  details?: Record<string, unknown>;
}

export function insertModerationItem(db: Database, item: NewModerationItem): void {
  db.prepare(
    `INSERT INTO moderation_items (id, stream_id, kind, status, subject_identity, subject_name, message_id, reason, details_json, created_at)
     VALUES (@id, @streamId, @kind, 'pending', @identity, @name, @messageId, @reason, @details, @createdAt)`,
  ).run({ ...item, ...item.subject, details: JSON.stringify(item.details ?? {}) });
}

export function getModerationItem(db: Database, id: string): ModerationItem | undefined {
  const row = db.prepare(`${SELECT_ITEMS} WHERE i.id = ?`).get(id) as ItemRow | undefined;
  return row && toItem(row);
}

export function listModerationItems(
  db: Database,
  filter: { streamId: string; status: ModerationStatus; kind?: ModerationKind; limit: number },
): ModerationItem[] {
  const rows = db
    .prepare(
      `${SELECT_ITEMS} WHERE i.stream_id = @streamId AND i.status = @status AND (@kind IS NULL OR i.kind = @kind)
       ORDER BY i.created_at, i.id LIMIT @limit`,
    )
    .all({ ...filter, kind: filter.kind ?? null }) as ItemRow[];
  return rows.map(toItem);
}

/** Moves a pending item to its final status; false when it was already decided. */
export function decideModerationItem(
  db: Database,
  id: string,
  status: Exclude<ModerationStatus, 'pending'>,
  by: string,
  at: number,
): boolean {
  return (
    db
      .prepare(`UPDATE moderation_items SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'`)
      .run(status, by, at, id).changes === 1
  );
}

/** Closes every pending item about a message (it was deleted or its author banned). */
export function closeItemsForMessage(db: Database, messageId: string, status: 'approved' | 'rejected', by: string, at: number): string[] {
  const ids = db.prepare(`SELECT id FROM moderation_items WHERE message_id = ? AND status = 'pending'`).all(messageId) as { id: string }[];
  for (const { id } of ids) decideModerationItem(db, id, status, by, at);
  return ids.map((row) => row.id);
}

/**
 * Records one viewer's report of a message. Returns the pending report item (created on the first
 * report, counted up on later ones) or null when this viewer had already reported the message.
 */
export function addReport(
  db: Database,
  report: {
    newItemId: string;
    streamId: string;
    messageId: string;
    subject: { identity: string; name: string };
    reporter: string;
    reason: string;
    at: number;
  },
): { itemId: string; created: boolean } | null {
  const inserted = db
    .prepare(`INSERT OR IGNORE INTO moderation_reports (message_id, reporter_identity, reason, created_at) VALUES (?, ?, ?, ?)`)
    .run(report.messageId, report.reporter, report.reason, report.at);
  if (inserted.changes === 0) return null;
  const open = db
    .prepare(`SELECT id FROM moderation_items WHERE message_id = ? AND kind = 'report' AND status = 'pending'`)
    .get(report.messageId) as { id: string } | undefined;
  if (open) {
    db.prepare('UPDATE moderation_items SET report_count = report_count + 1 WHERE id = ?').run(open.id);
    return { itemId: open.id, created: false };
  }
  insertModerationItem(db, {
    id: report.newItemId,
    streamId: report.streamId,
    kind: 'report',
    subject: report.subject,
    messageId: report.messageId,
    reason: report.reason,
    createdAt: report.at,
  });
  db.prepare('UPDATE moderation_items SET report_count = 1 WHERE id = ?').run(report.newItemId);
  return { itemId: report.newItemId, created: true };
}

/** Pending held messages of one chatter (in one stream, or every stream when null). */
export function listPendingHeldOf(db: Database, streamId: string | null, identity: string): { itemId: string; messageId: string }[] {
  return db
    .prepare(
      `SELECT id AS itemId, message_id AS messageId FROM moderation_items
       WHERE kind = 'held_message' AND status = 'pending' AND subject_identity = @identity AND (@streamId IS NULL OR stream_id = @streamId)`,
    )
    .all({ streamId, identity }) as { itemId: string; messageId: string }[];
}

/** Latest stage request of one guest in one stream: one seek on `moderation_items_by_subject`. */
export const LATEST_STAGE_REQUEST_SQL = `SELECT id, status FROM moderation_items
  WHERE stream_id = ? AND subject_identity = ? AND kind = 'stage_request'
  ORDER BY created_at DESC, rowid DESC LIMIT 1`;

/**
 * The newest stage request a guest made in a stream (any status), or undefined. A guest's queue
 * state is that one row: pending = asked, rejected = turned down, anything else = not asking.
 */
export function latestStageRequest(db: Database, streamId: string, identity: string): { id: string; status: ModerationStatus } | undefined {
  return db.prepare(LATEST_STAGE_REQUEST_SQL).get(streamId, identity) as { id: string; status: ModerationStatus } | undefined;
}
