import type { SessionRole } from '../../../../shared/contract/studioApi';
import type { AuditEntry, BanScope, ChatRules, ChatRulesUpdate, ModerationDecision, ModerationItem } from '../../../../shared/domain/chat';
import type { AppError } from '../../../../shared/result';

/** A moderator action on a chat message or its author (the per-message menu, or a triage key). */
export type ModerationAction =
  | { type: 'delete'; messageId: string }
  | { type: 'timeout'; identity: string; name: string; minutes: 1 | 5 | 10 }
  | { type: 'ban'; identity: string; name: string; scope: BanScope }
  | { type: 'pin'; messageId: string | null }
  | { type: 'highlight'; messageId: string | null };

export interface ModerationSlice {
  /** Who this studio session is: the desktop host and `npm run serve` are owners; moderator links are moderators. */
  sessionRole: SessionRole | null;
  /** Pending queue items, oldest first. */
  queue: readonly ModerationItem[];
  /** Newest first. */
  audit: readonly AuditEntry[];
  rules: ChatRules | null;
  rulesError: AppError | null;
  rulesSaving: boolean;
  rulesSavedAt: number | null;
  /** The latest sentence for screen readers (the id makes a repeat of the same text re-announce). */
  announcement: { id: number; text: string } | null;
  setSessionRole(role: SessionRole): void;
  announce(text: string): void;
  /** Loads the queue and audit log of the live stream (or empties them when nothing is live). */
  refreshModeration(streamId: string | null): Promise<void>;
  applyQueued(item: ModerationItem): void;
  applyResolved(item: ModerationItem): void;
  applyAudit(entry: AuditEntry): void;
  decide(item: ModerationItem, decision: ModerationDecision): Promise<boolean>;
  moderate(action: ModerationAction): Promise<boolean>;
  loadRules(): Promise<void>;
  applyRules(rules: ChatRules): void;
  saveRules(update: ChatRulesUpdate): Promise<boolean>;
  createModeratorLink(label: string): Promise<{ ok: true; url: string } | { ok: false; error: AppError }>;
}
