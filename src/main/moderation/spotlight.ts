import type { AuditAction, AuditEntry, ChatMessage } from '../../shared/domain/chat';
import { appendAudit } from '../db/moderation/auditLog';
import { toChatMessage, type StoredChatMessage } from '../db/chat/chatMessages';
import { setHighlightedMessage, setPinnedMessage } from '../db/chat/chatStreamState';
import type { ModerationDeps } from './moderationDeps';

interface Spot {
  store: (db: ModerationDeps['db'], streamId: string, messageId: string | null) => unknown;
  actions: { set: AuditAction; clear: AuditAction };
  /** How chat clients hear of it, and which studio event announces it. */
  frame: 'showPinned' | 'showHighlight';
  event: 'chat.pinned' | 'chat.highlighted';
}

/** The two places a message can be put above the chat; each stored, so late joiners see it too. */
const SPOTS: Record<'pin' | 'highlight', Spot> = {
  pin: { store: setPinnedMessage, actions: { set: 'pin', clear: 'unpin' }, frame: 'showPinned', event: 'chat.pinned' },
  highlight: {
    store: setHighlightedMessage,
    actions: { set: 'highlight', clear: 'clear_highlight' },
    frame: 'showHighlight',
    event: 'chat.highlighted',
  },
};

function spotlight(
  deps: ModerationDeps,
  spot: keyof typeof SPOTS,
  streamId: string,
  message: StoredChatMessage | null,
  actor: string,
): { shown: ChatMessage | null; audit: AuditEntry } {
  const { db, now } = deps;
  const { store, actions, frame, event } = SPOTS[spot];
  const shown = message && toChatMessage(message);
  const audit = db.transaction(() => {
    store(db, streamId, message?.id ?? null);
    return appendAudit(db, {
      streamId,
      actor,
      action: message ? actions.set : actions.clear,
      targetIdentity: message?.sender.identity ?? null,
      targetMessageId: message?.id ?? null,
      at: now(),
    });
  })();
  deps.chat[frame](streamId, shown);
  deps.bus.emit(event, { streamId, message: shown });
  return { shown, audit };
}

/** Pins a message above the chat for everyone (null unpins). */
export function setPin(deps: ModerationDeps, streamId: string, message: StoredChatMessage | null, actor: string) {
  const { shown, audit } = spotlight(deps, 'pin', streamId, message, actor);
  return { pinned: shown, audit };
}

/** Shows a message on the program (viewers see it as an overlay); null clears it. */
export function setHighlight(deps: ModerationDeps, streamId: string, message: StoredChatMessage | null, actor: string) {
  const { shown, audit } = spotlight(deps, 'highlight', streamId, message, actor);
  return { highlight: shown, audit };
}
