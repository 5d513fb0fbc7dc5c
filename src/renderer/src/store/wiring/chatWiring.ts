import type { StudioClient } from '../../../../shared/contract/studioClient';
import type { StudioStore } from '../state/studioState';
import { stopAll, subscribeEvents, whenChanged } from './wiringTools';

/** Loads the live stream's chat, then its moderation queue, audit log and rules. */
export function reloadChat(store: StudioStore): () => Promise<void> {
  return async () => {
    const state = store.getState;
    await state().refreshChat();
    await Promise.all([state().refreshModeration(state().chatStreamId), state().loadRules()]);
  };
}

/**
 * Chat and moderation events from main into the store, and a fresh load whenever the link to main
 * opens once the session's role is known (first load or after a drop: events sent while away are
 * not replayed). Serves the studio and the co-moderator console alike.
 */
export function wireChat(client: StudioClient, store: StudioStore, reload: () => Promise<void>): () => void {
  const state = store.getState;
  return stopAll([
    subscribeEvents(client, {
      'chat.messages': (payload) => state().receiveChatMessages(payload),
      'chat.deleted': (payload) => state().receiveChatDeleted(payload),
      'chat.pinned': (payload) => state().applyChatPinned(payload),
      'chat.highlighted': (payload) => state().applyChatHighlighted(payload),
      'moderation.queued': (item) => state().applyQueued(item),
      'moderation.resolved': (item) => state().applyResolved(item),
      'audit.appended': (entry) => state().applyAudit(entry),
      'rules.changed': (rules) => state().applyRules(rules),
    }),
    whenChanged(
      store,
      (s) => [s.connection, s.sessionRole !== null] as const,
      ([link, known]) => {
        if (link === 'open' && known) void reload();
      },
    ),
  ]);
}
