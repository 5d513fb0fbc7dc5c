import { CHAT_CLOSE } from '../../shared/contract/chatFrames';
import type { Database } from '../db/openDatabase';
import { deleteChatMessage, getChatMessage, publishHeldMessage } from '../db/chat/chatMessages';
import { ChatFailure } from './chatFailure';
import { newChatId, type ChatHub } from './hub';
import type { ChatModerationPort } from './moderationPort';
import type { ChatSender } from './sender';
import type { BatchWriter } from './writer';

export interface ModerationAdapterDeps {
  db: Database;
  hub: ChatHub;
  sender: ChatSender;
  writer: BatchWriter;
}

/** Chat's side of `ChatModerationPort`: the seqs, clients and write order moderation may not touch itself. */
export function createModerationPort({ db, hub, sender, writer }: ModerationAdapterDeps): ChatModerationPort {
  return {
    inSendOrder: (write) => writer.submit(write),

    async publishApproved(streamId, messageId, by, alongside) {
      const room = hub.room(streamId);
      // Through the writer, so the new seq commits after every message that already has a lower one.
      // Published as the batch commits, like a sent message, so it leaves in seq order with it.
      const { value } = await writer.submit(
        () => {
          const result = alongside();
          const seq = room.nextSeq();
          if (!publishHeldMessage(db, messageId, seq, by.actor, by.at)) throw new ChatFailure('conflict', 'This message is no longer held');
          return { seq, value: result };
        },
        ({ seq }) => {
          const stored = getChatMessage(db, messageId);
          if (!stored) return;
          hub.publishMessages(streamId, [{ id: stored.id, seq, sender: stored.sender, text: stored.text, createdAt: stored.createdAt }]);
          sender.markKnown(streamId, stored.sender.identity);
        },
      );
      return value;
    },

    async removeMessage(streamId, messageId, by, alongside) {
      const room = hub.room(streamId);
      const value = await writer.submit(() => {
        if (!deleteChatMessage(db, messageId, room.lastSeq, by.actor, by.at)) {
          throw new ChatFailure('conflict', 'This message is no longer visible');
        }
        return alongside();
      });
      hub.publish(streamId, { type: 'deleted', id: messageId });
      return value;
    },

    showPinned: (streamId, message) => hub.publish(streamId, { type: 'pinned', message }),
    showHighlight: (streamId, message) => hub.publish(streamId, { type: 'highlight', message }),

    tellTimedOut(streamId, identity, minutes, until) {
      hub.sendToIdentity(streamId, identity, {
        type: 'notice',
        kind: 'timed_out',
        message: `You are timed out for ${minutes} min`,
        until,
        seconds: minutes * 60,
      });
    },

    disconnectBanned(streamId, identity) {
      hub.disconnectIdentity(
        streamId,
        identity,
        { type: 'error', code: 'banned', message: 'You were banned from this chat' },
        CHAT_CLOSE.forbidden,
      );
    },

    newId: newChatId,
  };
}
