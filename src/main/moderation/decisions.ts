import type { AuditEntry, ModerationDecision, ModerationItem } from '../../shared/domain/chat';
import { appendAudit } from '../db/moderation/auditLog';
import { getChatMessage, rejectHeldMessage, type StoredChatMessage } from '../db/chat/chatMessages';
import { getChatStreamState, setHighlightedMessage, setPinnedMessage } from '../db/chat/chatStreamState';
import { closeItemsForMessage, decideModerationItem, getModerationItem } from '../db/moderation/moderationItems';
import { ChatFailure } from '../chat/chatFailure';
import type { ModerationDeps } from './moderationDeps';

/**
 * What approve and reject mean per kind of queue item:
 * - held message: approve shows it to everyone with its original time (and a new seq); reject drops it.
 * - report: approve upholds it and deletes the message; reject dismisses the report.
 * - stage request: the decision is recorded; `ModerationService.decide` has already put an approved
 *   guest on stage.
 */
export async function applyDecision(
  deps: ModerationDeps,
  item: ModerationItem,
  decision: ModerationDecision,
  actor: string,
  reason: string | null,
): Promise<{ audit: AuditEntry }> {
  const { db, now, chat } = deps;
  const at = now();
  const status = decision === 'approve' ? 'approved' : 'rejected';
  // The decision and its audit entry, in whichever write carries the item's effect.
  const decided = () => {
    if (!decideModerationItem(db, item.id, status, actor, at)) throw new ChatFailure('conflict', 'This item was already decided');
    return appendAudit(db, {
      streamId: item.streamId,
      actor,
      action: decision,
      targetIdentity: item.subject.identity,
      targetMessageId: item.message?.id ?? null,
      reason,
      details: { kind: item.kind, itemId: item.id },
      at,
    });
  };
  if (item.kind === 'held_message' && item.message) {
    const messageId = item.message.id;
    if (decision === 'approve') return { audit: await chat.publishApproved(item.streamId, messageId, { actor, at }, decided) };
    const audit = await chat.inSendOrder(() => {
      const entry = decided();
      rejectHeldMessage(db, messageId, actor, at);
      return entry;
    });
    return { audit };
  }
  if (item.kind === 'report' && decision === 'approve' && item.message) {
    const message = getChatMessage(db, item.message.id);
    if (message?.status === 'visible') return { audit: await applyDelete(deps, message, actor, reason, item.id) };
  }
  return { audit: await chat.inSendOrder(decided) };
}

/**
 * Deletes a visible message: stored as deleted (with the stream's seq at that moment, for resume),
 * open reports about it closed, pin or highlight cleared if it was the one, then every client told.
 */
export async function applyDelete(
  deps: ModerationDeps,
  message: StoredChatMessage,
  actor: string,
  reason: string | null,
  reportItemId?: string,
): Promise<AuditEntry> {
  const { db, now, chat, bus } = deps;
  const streamId = message.streamId;
  const at = now();
  const result = await chat.removeMessage(streamId, message.id, { actor, at }, () => {
    const closed = closeItemsForMessage(db, message.id, 'approved', actor, at);
    const state = getChatStreamState(db, streamId);
    const unpinned = state.pinnedMessageId === message.id;
    const unhighlighted = state.highlightedMessageId === message.id;
    if (unpinned) setPinnedMessage(db, streamId, null);
    if (unhighlighted) setHighlightedMessage(db, streamId, null);
    const audit = appendAudit(db, {
      streamId,
      actor,
      action: 'delete',
      targetIdentity: message.sender.identity,
      targetMessageId: message.id,
      reason,
      details: reportItemId ? { reportItemId } : null,
      at,
    });
    return { closed, unpinned, unhighlighted, audit };
  });
  bus.emit('chat.deleted', { streamId, messageId: message.id });
  if (result.unpinned) {
    chat.showPinned(streamId, null);
    bus.emit('chat.pinned', { streamId, message: null });
  }
  if (result.unhighlighted) {
    chat.showHighlight(streamId, null);
    bus.emit('chat.highlighted', { streamId, message: null });
  }
  for (const id of result.closed) {
    const closed = getModerationItem(db, id);
    if (closed) bus.emit('moderation.resolved', closed);
  }
  return result.audit;
}
