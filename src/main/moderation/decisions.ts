import type { AuditEntry, ModerationDecision, ModerationItem } from '../../shared/domain/chat';
import { appendAudit } from '../db/moderation/auditLog';
import { deleteChatMessage, getChatMessage, publishHeldMessage, rejectHeldMessage, type StoredChatMessage } from '../db/chat/chatMessages';
import { getChatStreamState, setHighlightedMessage, setPinnedMessage } from '../db/chat/chatStreamState';
import { closeItemsForMessage, decideModerationItem, getModerationItem } from '../db/moderation/moderationItems';
import { ChatFailure } from '../chat/chatFailure';
import type { ModerationDeps } from './moderationService';

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
  const { db, now, writer } = deps;
  const at = now();
  const status = decision === 'approve' ? 'approved' : 'rejected';
  const auditFor = () =>
    appendAudit(db, {
      streamId: item.streamId,
      actor,
      action: decision,
      targetIdentity: item.subject.identity,
      targetMessageId: item.message?.id ?? null,
      reason,
      details: { kind: item.kind, itemId: item.id },
      at,
    });
  const decideOrFail = () => {
    if (!decideModerationItem(db, item.id, status, actor, at)) throw new ChatFailure('conflict', 'This item was already decided');
  };

  if (item.kind === 'held_message' && item.message) {
    const messageId = item.message.id;
    if (decision === 'reject') {
      const audit = await writer.submit(() => {
        decideOrFail();
        rejectHeldMessage(db, messageId, actor, at);
        return auditFor();
      });
      return { audit };
    }
    const room = deps.hub.room(item.streamId);
    // Through the writer, so the new seq commits after every message that already has a lower one.
    // Published as the batch commits, like a sent message, so it leaves in seq order with it.
    const { audit } = await writer.submit(
      () => {
        decideOrFail();
        const next = room.nextSeq();
        if (!publishHeldMessage(db, messageId, next, actor, at)) throw new ChatFailure('conflict', 'This message is no longer held');
        return { seq: next, audit: auditFor() };
      },
      ({ seq }) => {
        const stored = getChatMessage(db, messageId);
        if (!stored) return;
        deps.hub.publishMessages(item.streamId, [
          { id: stored.id, seq, sender: stored.sender, text: stored.text, createdAt: stored.createdAt },
        ]);
        deps.sender.markKnown(item.streamId, stored.sender.identity);
      },
    );
    return { audit };
  }

  if (item.kind === 'report' && decision === 'approve' && item.message) {
    const message = getChatMessage(db, item.message.id);
    if (message?.status === 'visible') return { audit: await applyDelete(deps, message, actor, reason, item.id) };
  }
  const audit = await writer.submit(() => {
    decideOrFail();
    return auditFor();
  });
  return { audit };
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
  const { db, now, writer, hub, bus } = deps;
  const streamId = message.streamId;
  const room = hub.room(streamId);
  const at = now();
  const result = await writer.submit(() => {
    if (!deleteChatMessage(db, message.id, room.lastSeq, actor, at)) throw new ChatFailure('conflict', 'This message is no longer visible');
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
  hub.publish(streamId, { type: 'deleted', id: message.id });
  bus.emit('chat.deleted', { streamId, messageId: message.id });
  if (result.unpinned) {
    hub.publish(streamId, { type: 'pinned', message: null });
    bus.emit('chat.pinned', { streamId, message: null });
  }
  if (result.unhighlighted) {
    hub.publish(streamId, { type: 'highlight', message: null });
    bus.emit('chat.highlighted', { streamId, message: null });
  }
  for (const id of result.closed) {
    const closed = getModerationItem(db, id);
    if (closed) bus.emit('moderation.resolved', closed);
  }
  return result.audit;
}
