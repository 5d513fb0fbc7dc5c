import type { AuditEntry, ChatMessage } from '../../shared/domain/chat';
import { appendAudit } from '../db/moderation/auditLog';
import { toChatMessage, type StoredChatMessage } from '../db/chat/chatMessages';
import { setHighlightedMessage, setPinnedMessage } from '../db/chat/chatStreamState';
import type { ModerationDeps } from './moderationService';

/** Pins a message above the chat for everyone (null unpins). Stored, so late joiners see it too. */
export function setPin(
  deps: ModerationDeps,
  streamId: string,
  message: StoredChatMessage | null,
  actor: string,
): { pinned: ChatMessage | null; audit: AuditEntry } {
  const { db, now } = deps;
  const pinned = message && toChatMessage(message);
  const audit = db.transaction(() => {
    setPinnedMessage(db, streamId, message?.id ?? null);
    return appendAudit(db, {
      streamId,
      actor,
      action: message ? 'pin' : 'unpin',
      targetIdentity: message?.sender.identity ?? null,
      targetMessageId: message?.id ?? null,
      at: now(),
    });
  })();
  deps.hub.publish(streamId, { type: 'pinned', message: pinned });
  deps.bus.emit('chat.pinned', { streamId, message: pinned });
  return { pinned, audit };
}

/** Shows a message on the program (viewers see it as an overlay); null clears it. */
export function setHighlight(
  deps: ModerationDeps,
  streamId: string,
  message: StoredChatMessage | null,
  actor: string,
): { highlight: ChatMessage | null; audit: AuditEntry } {
  const { db, now } = deps;
  const highlight = message && toChatMessage(message);
  const audit = db.transaction(() => {
    setHighlightedMessage(db, streamId, message?.id ?? null);
    return appendAudit(db, {
      streamId,
      actor,
      action: message ? 'highlight' : 'clear_highlight',
      targetIdentity: message?.sender.identity ?? null,
      targetMessageId: message?.id ?? null,
      at: now(),
    });
  })();
  deps.hub.publish(streamId, { type: 'highlight', message: highlight });
  deps.bus.emit('chat.highlighted', { streamId, message: highlight });
  return { highlight, audit };
}
