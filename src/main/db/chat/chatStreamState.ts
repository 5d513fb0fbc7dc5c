import type { Database } from '../openDatabase';

/** The pinned and highlighted message of a stream (ids only; null when none). */
export interface ChatStreamState {
  pinnedMessageId: string | null;
  highlightedMessageId: string | null;
}

export function getChatStreamState(db: Database, streamId: string): ChatStreamState {
  const row = db.prepare('SELECT pinned_message_id, highlighted_message_id FROM chat_stream_state WHERE stream_id = ?').get(streamId) as
    { pinned_message_id: string | null; highlighted_message_id: string | null } | undefined;
  return { pinnedMessageId: row?.pinned_message_id ?? null, highlightedMessageId: row?.highlighted_message_id ?? null };
}

export function setPinnedMessage(db: Database, streamId: string, messageId: string | null): void {
  db.prepare(
    `INSERT INTO chat_stream_state (stream_id, pinned_message_id) VALUES (?, ?)
     ON CONFLICT (stream_id) DO UPDATE SET pinned_message_id = excluded.pinned_message_id`,
  ).run(streamId, messageId);
}

export function setHighlightedMessage(db: Database, streamId: string, messageId: string | null): void {
  db.prepare(
    `INSERT INTO chat_stream_state (stream_id, highlighted_message_id) VALUES (?, ?)
     ON CONFLICT (stream_id) DO UPDATE SET highlighted_message_id = excluded.highlighted_message_id`,
  ).run(streamId, messageId);
}
