import type { EventPayload } from '../../../../shared/contract/studioApi';
import type { ChatMessage } from '../../../../shared/domain/chat';
import type { AppError } from '../../../../shared/result';

/**
 * Chat in the studio and the co-moderator console. Both run over the studio API (IPC in the desktop
 * app, the control socket in a browser), so the desktop studio needs no chat-socket session: the
 * history page comes from `chat.history`, then `chat.messages` / `chat.deleted` events. Events are
 * queued and applied once per animation frame, so a 50 msg/s flood is one store update per frame.
 */
export type ChatFeedStatus = 'idle' | 'loading' | 'ready' | 'offline' | 'error';

export interface ChatSlice {
  /** The stream whose chat is shown (the live one), or null when nothing is live. */
  chatStreamId: string | null;
  chatMessages: readonly ChatMessage[];
  chatPinned: ChatMessage | null;
  chatHighlight: ChatMessage | null;
  chatStatus: ChatFeedStatus;
  chatError: AppError | null;
  /** Loads the live stream's recent chat (after connecting, going live or a reconnect). */
  refreshChat(): Promise<void>;
  /** Leaves the chat empty (the stream ended). */
  clearChat(): void;
  receiveChatMessages(payload: EventPayload<'chat.messages'>): void;
  receiveChatDeleted(payload: EventPayload<'chat.deleted'>): void;
  applyChatPinned(payload: EventPayload<'chat.pinned'>): void;
  applyChatHighlighted(payload: EventPayload<'chat.highlighted'>): void;
  /** Posts as the host or moderator; resolves with the error to show, or null. */
  sendChat(text: string): Promise<AppError | null>;
}
