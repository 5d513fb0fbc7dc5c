import type { Database } from '../openDatabase';
import type { ChatMessage, ChatRole } from '../../../shared/domain/chat';

/** Row shape of `chat_messages`, exactly as SQLite returns it. */
export interface ChatMessageRow {
  id: string;
  stream_id: string;
  seq: number | null;
  sender_identity: string;
  sender_name: string;
  sender_role: ChatRole;
  text: string;
  created_at: number;
  status: ChatMessageStatus;
  hold_reason: string | null;
  decided_by: string | null;
  decided_at: number | null;
  deleted_at_seq: number | null;
}

export type ChatMessageStatus = 'visible' | 'held' | 'rejected' | 'deleted';

/** A message in any state, as the server keeps it. */
export interface StoredChatMessage {
  id: string;
  streamId: string;
  seq: number | null;
  sender: { identity: string; name: string; role: ChatRole };
  text: string;
  createdAt: number;
  status: ChatMessageStatus;
  holdReason: string | null;
}

function toStored(row: ChatMessageRow): StoredChatMessage {
  return {
    id: row.id,
    streamId: row.stream_id,
    seq: row.seq,
    sender: { identity: row.sender_identity, name: row.sender_name, role: row.sender_role },
    text: row.text,
    createdAt: row.created_at,
    status: row.status,
    holdReason: row.hold_reason,
  };
}

/** The public shape of a visible message (seq is set once a message is visible). */
export function toChatMessage(stored: StoredChatMessage): ChatMessage {
  return { id: stored.id, seq: stored.seq ?? 0, sender: stored.sender, text: stored.text, createdAt: stored.createdAt };
}

function rowToMessage(row: ChatMessageRow): ChatMessage {
  return toChatMessage(toStored(row));
}

export interface NewChatMessage {
  id: string;
  streamId: string;
  /** Set for visible messages; held messages get theirs when approved. */
  seq: number | null;
  sender: { identity: string; name: string; role: ChatRole };
  text: string;
  createdAt: number;
  status: 'visible' | 'held';
  holdReason: string | null;
}

export function insertChatMessage(db: Database, message: NewChatMessage): void {
  db.prepare(
    `INSERT INTO chat_messages (id, stream_id, seq, sender_identity, sender_name, sender_role, text, created_at, status, hold_reason)
     VALUES (@id, @streamId, @seq, @identity, @name, @role, @text, @createdAt, @status, @holdReason)`,
  ).run({ ...message, ...message.sender });
}

export function getChatMessage(db: Database, id: string): StoredChatMessage | undefined {
  const row = db.prepare('SELECT * FROM chat_messages WHERE id = ?').get(id) as ChatMessageRow | undefined;
  return row && toStored(row);
}

/** Makes a held message visible under a new seq, keeping its original time. */
export function publishHeldMessage(db: Database, id: string, seq: number, decidedBy: string, at: number): boolean {
  return (
    db
      .prepare(`UPDATE chat_messages SET status = 'visible', seq = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'held'`)
      .run(seq, decidedBy, at, id).changes === 1
  );
}

export function rejectHeldMessage(db: Database, id: string, decidedBy: string, at: number): boolean {
  return (
    db
      .prepare(`UPDATE chat_messages SET status = 'rejected', decided_by = ?, decided_at = ? WHERE id = ? AND status = 'held'`)
      .run(decidedBy, at, id).changes === 1
  );
}

/** Deletes a visible message; `atSeq` is the stream's highest seq now (see migration 002). */
export function deleteChatMessage(db: Database, id: string, atSeq: number, decidedBy: string, at: number): boolean {
  return (
    db
      .prepare(
        `UPDATE chat_messages SET status = 'deleted', deleted_at_seq = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'visible'`,
      )
      .run(atSeq, decidedBy, at, id).changes === 1
  );
}

/** Hot queries, exported so a test can check their plans use the indexes. */
export const RECENT_MESSAGES_SQL = `SELECT * FROM chat_messages
  WHERE stream_id = ? AND seq IS NOT NULL AND seq < ? AND status = 'visible'
  ORDER BY seq DESC LIMIT ?`;
export const MESSAGES_AFTER_SQL = `SELECT * FROM chat_messages
  WHERE stream_id = ? AND seq > ? AND status = 'visible'
  ORDER BY seq DESC LIMIT ?`;
export const DELETED_SINCE_SQL = `SELECT id FROM chat_messages
  WHERE stream_id = ? AND deleted_at_seq >= ? AND seq <= ? ORDER BY deleted_at_seq LIMIT ?`;
// INDEXED BY: left to itself the planner walks the stream's time index newest first, which for a
// chatter with no messages reads the whole stream's chat; the sender index reads only theirs.
export const RECENT_SENDS_SQL = `SELECT created_at, text FROM chat_messages INDEXED BY chat_messages_by_sender
  WHERE stream_id = ? AND sender_identity = ? ORDER BY created_at DESC LIMIT ?`;
export const VISIBLE_FROM_SQL = `SELECT 1 FROM chat_messages
  WHERE stream_id = ? AND sender_identity = ? AND status IN ('visible', 'deleted') LIMIT 1`;

/** Up to `limit` visible messages before `beforeSeq` (or the newest), oldest first. */
export function listRecentMessages(db: Database, streamId: string, limit: number, beforeSeq?: number): ChatMessage[] {
  const rows = db.prepare(RECENT_MESSAGES_SQL).all(streamId, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as ChatMessageRow[];
  return rows.reverse().map(rowToMessage);
}

/**
 * Visible messages with seq above `afterSeq`, oldest first. When more than `limit` qualify the
 * newest `limit` are returned with `truncated` set.
 */
export function listMessagesAfter(
  db: Database,
  streamId: string,
  afterSeq: number,
  limit: number,
): { messages: ChatMessage[]; truncated: boolean } {
  const rows = db.prepare(MESSAGES_AFTER_SQL).all(streamId, afterSeq, limit + 1) as ChatMessageRow[];
  const truncated = rows.length > limit;
  return { messages: rows.slice(0, limit).reverse().map(rowToMessage), truncated };
}

/** Ids of messages deleted at or after `sinceSeq`, which a client resuming from there may still show. */
export function listDeletedSince(db: Database, streamId: string, sinceSeq: number, limit = 1000): string[] {
  const rows = db.prepare(DELETED_SINCE_SQL).all(streamId, sinceSeq, sinceSeq, limit) as { id: string }[];
  return rows.map((row) => row.id);
}

export function maxChatSeq(db: Database, streamId: string): number {
  const row = db.prepare('SELECT MAX(seq) AS seq FROM chat_messages WHERE stream_id = ?').get(streamId) as { seq: number | null };
  return row.seq ?? 0;
}

/** True once a chatter has had a message shown in this stream (no longer a "new chatter"). */
export function hasVisibleMessageFrom(db: Database, streamId: string, identity: string): boolean {
  return db.prepare(VISIBLE_FROM_SQL).get(streamId, identity) !== undefined;
}

/**
 * A chatter's newest stored messages in a stream (any status: held and removed ones were accepted
 * sends too), oldest first. Seeds slow mode and rate limits after a restart.
 */
export function listRecentSendsBy(db: Database, streamId: string, identity: string, limit: number): { at: number; text: string }[] {
  const rows = db.prepare(RECENT_SENDS_SQL).all(streamId, identity, limit) as { created_at: number; text: string }[];
  return rows.reverse().map((row) => ({ at: row.created_at, text: row.text }));
}
