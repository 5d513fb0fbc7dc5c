import type { ChatMessage } from '../../shared/domain/chat';
import type { Database } from '../db/openDatabase';
import { getChatMessage, toChatMessage } from '../db/chat/chatMessages';
import { getChatStreamState } from '../db/chat/chatStreamState';

/** The pinned and highlighted message of a stream as clients show them (only if still visible). */
export function resolveStreamState(db: Database, streamId: string): { pinned: ChatMessage | null; highlight: ChatMessage | null } {
  const state = getChatStreamState(db, streamId);
  return { pinned: visibleMessage(db, state.pinnedMessageId), highlight: visibleMessage(db, state.highlightedMessageId) };
}

/** A message by id if it exists and is visible now. */
export function visibleMessage(db: Database, id: string | null): ChatMessage | null {
  if (id === null) return null;
  const stored = getChatMessage(db, id);
  return stored && stored.status === 'visible' ? toChatMessage(stored) : null;
}
