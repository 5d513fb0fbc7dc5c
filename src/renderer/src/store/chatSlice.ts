import type { StudioClient } from '../../../shared/contract/studioClient';

import { applyChatOps, type ChatOp } from '../features/chat/chatOps';
import { FrameBatcher } from '../features/chat/frameBatcher';
import type { SliceCreator } from './state/studioState';
import type { ChatSlice } from './state/chat';

/** Recent messages loaded when the chat (re)opens; older ones are not shown in the studio. */
const CHAT_PAGE_SIZE = 100;

export const createChatSlice =
  (client: StudioClient): SliceCreator<ChatSlice> =>
  (set, get) => {
    const batcher = new FrameBatcher<ChatOp>((ops) => {
      const next = applyChatOps(get().chatMessages, ops);
      if (next !== get().chatMessages) set({ chatMessages: next });
    });
    /** Bumped per refresh, so a slow answer to an older refresh is dropped. */
    let refreshes = 0;
    /** A load started by messages of a stream not shown yet. */
    let loadingUnknown: Promise<void> | null = null;

    return {
      chatStreamId: null,
      chatMessages: [],
      chatPinned: null,
      chatHighlight: null,
      chatStatus: 'idle',
      chatError: null,

      refreshChat: async () => {
        const attempt = ++refreshes;
        if (get().chatStreamId === null) set({ chatStatus: 'loading' });
        const result = await client.invoke('chat.history', { limit: CHAT_PAGE_SIZE });
        if (attempt !== refreshes) return;
        if (!result.ok) {
          if (result.error.code === 'not_found') get().clearChat();
          else set({ chatStatus: 'error', chatError: result.error });
          return;
        }
        const page = result.value;
        const sameStream = page.streamId === get().chatStreamId;
        // Newest page first on the wire; the list is in seq order.
        const messages = [...page.messages].sort((a, b) => a.seq - b.seq);
        const newest = messages.at(-1)?.seq ?? 0;
        if (!sameStream) batcher.clear();
        batcher.push({ kind: 'reset', messages, keepNewerThan: sameStream ? newest : undefined });
        batcher.flush();
        set({ chatStreamId: page.streamId, chatPinned: page.pinned, chatHighlight: page.highlight, chatStatus: 'ready', chatError: null });
      },

      clearChat: () => {
        refreshes += 1;
        batcher.clear();
        set({ chatStreamId: null, chatMessages: [], chatPinned: null, chatHighlight: null, chatStatus: 'offline', chatError: null });
      },

      receiveChatMessages: (payload) => {
        const current = get().chatStreamId;
        if (current === null) {
          // A stream we have not loaded yet (it just started): its history page includes these.
          // One load is enough, however many events arrive before it answers.
          loadingUnknown ??= get()
            .refreshChat()
            .finally(() => (loadingUnknown = null));
          return;
        }
        if (payload.streamId === current) batcher.push({ kind: 'messages', messages: payload.messages });
      },

      receiveChatDeleted: (payload) => {
        if (payload.streamId === get().chatStreamId) batcher.push({ kind: 'deleted', id: payload.messageId });
      },

      applyChatPinned: (payload) => {
        if (payload.streamId === get().chatStreamId) set({ chatPinned: payload.message });
      },

      applyChatHighlighted: (payload) => {
        if (payload.streamId === get().chatStreamId) set({ chatHighlight: payload.message });
      },

      sendChat: async (text) => {
        const streamId = get().chatStreamId ?? undefined;
        const result = await client.invoke('chat.send', { streamId, text });
        return result.ok ? null : result.error;
      },
    };
  };
