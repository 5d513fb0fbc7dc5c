import type { chatMethods } from '../../shared/contract/chatApi';
import type { Handlers } from '../api/types';
import { createChat, type Chat, type ChatServiceDeps } from '../chat/chatService';
import { liveStreamId } from '../chat/callStream';
import { createModerationHandlers } from './moderationHandlers';
import { ModerationService } from './moderationService';
import { ModeratorAccess } from './moderatorAccess';

export interface ModeratedChatDeps extends ChatServiceDeps {
  /** Base URL for moderator links, e.g. `() => status().publicUrl`. */
  publicUrl: () => string;
}

export interface ChatService extends Omit<Chat<ModerationService>, 'handlers'> {
  /** Every studio API method of chat and moderation, to spread into the handler map. */
  handlers: Pick<Handlers, keyof typeof chatMethods>;
  /** Moderator sessions: granted, listed, revoked, expiring. */
  moderators: ModeratorAccess;
}

/**
 * Chat with its moderation, as the app mounts it: moderation is built from the port chat offers,
 * and moderator access writes to moderation's audit log.
 */
export function createChatService(deps: ModeratedChatDeps): ChatService {
  const now = deps.now ?? Date.now;
  const { db, bus } = deps;
  const chat = createChat(deps, (port) => new ModerationService({ db, bus, chat: port, now }));
  const moderators = new ModeratorAccess({
    sessions: deps.sessions,
    bus,
    record: (entry) => chat.moderation.record(entry),
    liveStreamId: () => liveStreamId(db),
    now,
  });
  const moderationHandlers = createModerationHandlers({ db, moderation: chat.moderation, moderators, publicUrl: deps.publicUrl, now });
  return { ...chat, moderators, handlers: { ...chat.handlers, ...moderationHandlers } };
}
