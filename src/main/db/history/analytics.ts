import type { Database } from '../openDatabase';
import { MODERATION_LOG_PREVIEW, type ModerationSummary } from '../../../shared/domain/history';
import type { SessionRoleInStream } from './participantSessions';

/** One connection of a person to a stream, as the analytics need it. */
export interface SessionSpan {
  identity: string;
  name: string;
  joinedAt: number;
  leftAt: number | null;
}

export const ROLE_SESSIONS_SQL = `SELECT identity, name, joined_at AS joinedAt, left_at AS leftAt
  FROM participant_sessions WHERE stream_id = ? AND role = ? ORDER BY joined_at, id`;

/** Every session of one role (viewers, guests…) in a stream, in join order. */
export function listRoleSessions(db: Database, streamId: string, role: SessionRoleInStream): SessionSpan[] {
  return db.prepare(ROLE_SESSIONS_SQL).all(streamId, role) as SessionSpan[];
}

/** Chat volume of one minute of a stream, by outcome. */
export interface ChatMinuteCounts {
  /** Minutes since the stream started. */
  minute: number;
  visible: number;
  /** Held for review at some point; a rejected message was necessarily held first. */
  held: number;
  rejected: number;
  deleted: number;
  /** Still held: never decided. */
  pending: number;
}

/**
 * Messages per minute since `startedAt`, by outcome, in one pass over the stream's messages
 * (the totals are the sum of the minutes). Minutes without a message are absent.
 */
export function chatByMinute(db: Database, streamId: string, startedAt: number): ChatMinuteCounts[] {
  return db
    .prepare(
      `SELECT MAX(0, (created_at - CAST(@startedAt AS INTEGER)) / 60000) AS minute,
         SUM(status = 'visible') AS visible,
         SUM(hold_reason IS NOT NULL OR status IN ('held', 'rejected')) AS held,
         SUM(status = 'rejected') AS rejected,
         SUM(status = 'deleted') AS deleted,
         SUM(status = 'held') AS pending
       FROM chat_messages WHERE stream_id = @streamId
       GROUP BY 1 ORDER BY 1`,
    )
    .all({ streamId, startedAt }) as ChatMinuteCounts[];
}

/** How many moderation actions the audit log holds for a stream, by action (most frequent first), and its first entries. */
export function summarizeModeration(db: Database, streamId: string): ModerationSummary {
  const byAction = db
    .prepare(
      `SELECT action, COUNT(*) AS count FROM moderation_actions WHERE stream_id = ?
       GROUP BY action ORDER BY count DESC, action`,
    )
    .all(streamId) as { action: string; count: number }[];
  const log = db
    .prepare(
      `SELECT id, created_at AS createdAt, actor, action, target_identity AS targetIdentity,
         target_message AS targetMessageId, reason
       FROM moderation_actions WHERE stream_id = ? ORDER BY created_at, id LIMIT ?`,
    )
    .all(streamId, MODERATION_LOG_PREVIEW) as ModerationSummary['log'];
  return { total: byAction.reduce((sum, row) => sum + row.count, 0), byAction, log };
}
