import type { AuditEntry, ModerationItem } from '../../shared/domain/chat';
import type { Actor } from '../../shared/domain/roles';
import type { NewAuditEntry } from '../db/moderation/auditLog';

/**
 * What the stage needs of the moderation queue: stage requests go in, decisions come out.
 * `ModerationService` provides it; tests can pass a small fake.
 */
export interface StageQueue {
  enqueueStageRequest(
    streamId: string,
    subject: { identity: string; name: string },
    note: string,
    details?: Record<string, unknown>,
  ): ModerationItem;
  withdraw(itemId: string, by: string): ModerationItem | null;
  /** Approving a stage request awaits `admit`; its failure fails the approval. */
  handleStageApprovals(admit: (item: ModerationItem) => Promise<void>): void;
  ban(streamId: string, identity: string, scope: 'stream', by: Actor, reason?: string): Promise<void>;
  /** Audit entries for stage actions that are not bans (promotions). */
  record(entry: NewAuditEntry): AuditEntry;
}
