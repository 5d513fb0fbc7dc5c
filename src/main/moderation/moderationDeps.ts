import type { ModerationItem } from '../../shared/domain/chat';
import type { EventBus } from '../api/eventBus';
import type { Database } from '../db/openDatabase';
import type { ChatModerationPort } from '../chat/moderationPort';

/** What every moderation action works with: its own tables, the studio's events, and chat through its port. */
export interface ModerationDeps {
  db: Database;
  bus: EventBus;
  chat: ChatModerationPort;
  now: () => number;
}

/** Puts an approved stage request's guest on stage; throws (an AppFailure) when that fails. */
export type StageAdmitter = (item: ModerationItem) => Promise<void>;
