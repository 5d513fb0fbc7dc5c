import type { BanScope, ChatMessage, ModerationDecision, ModerationItem } from '../../shared/domain/chat';
import type { Actor } from '../../shared/domain/roles';
import type { NewAuditEntry } from '../db/moderation/auditLog';
import type { ChatIdentity } from './room';

export type { ChatIdentity };

/** Who acted and when, stamped on what an action changes. */
export interface ActionStamp {
  actor: string;
  at: number;
}

/**
 * What chat offers moderation, and all moderation may do to chat: moderation stores its own rows
 * (queue items, bans, timeouts, audit) but reaches chat's clients, seqs and commit order only
 * through here. Every `alongside` runs inside the same write as the chat change, so an action and
 * its audit entry commit together or not at all; a throwing `alongside` cancels the change.
 */
export interface ChatModerationPort {
  /**
   * Runs `write` in chat's commit order, the one path messages take: an action submitted before a
   * send commits before it, one submitted after it sees the send.
   */
  inSendOrder<T>(write: () => T): Promise<T>;
  /**
   * Shows a held message to everyone with its original time and the stream's next seq, after
   * `alongside` (which runs first, in the same write). It goes out as its batch commits, in seq
   * order with sent messages. Fails with `conflict` when the message is no longer held.
   */
  publishApproved<T>(streamId: string, messageId: string, by: ActionStamp, alongside: () => T): Promise<T>;
  /**
   * Deletes a visible message, stamped with the stream's seq at that moment so resuming clients
   * learn of it, then tells every client. Fails with `conflict` when the message is not visible.
   */
  removeMessage<T>(streamId: string, messageId: string, by: ActionStamp, alongside: () => T): Promise<T>;
  /** Tells every client of a stream which message is pinned now (null: none). */
  showPinned(streamId: string, message: ChatMessage | null): void;
  /** Tells every client of a stream which message is on the program now (null: none). */
  showHighlight(streamId: string, message: ChatMessage | null): void;
  /** Tells a chatter's sockets in one stream that they may not send until `until`. */
  tellTimedOut(streamId: string, identity: string, minutes: number, until: number): void;
  /** Tells a banned chatter why and closes their sockets: in one stream, or every stream when null. */
  disconnectBanned(streamId: string | null, identity: string): void;
  /** A fresh id for a queue item, of the same form as message ids. */
  newId(): string;
}

/**
 * What chat hands over to moderation: the moderator frames of the chat socket and the audit entry
 * of a rules change. Chat is given one (the app gives it `ModerationService`) and never builds it.
 */
export interface ChatModerator {
  report(streamId: string, messageId: string, reporter: ChatIdentity, reason: string): void;
  deleteMessage(messageId: string, actor: string, reason?: string): Promise<void>;
  pin(streamId: string, messageId: string | null, actor: string): unknown;
  highlight(streamId: string, messageId: string | null, actor: string): unknown;
  timeout(streamId: string, identity: string, minutes: 1 | 5 | 10, by: Actor, reason?: string): Promise<number>;
  ban(streamId: string, identity: string, scope: BanScope, by: Actor, reason?: string): Promise<void>;
  unban(streamId: string, identity: string, actor: string, reason?: string): Promise<number>;
  itemOf(itemId: string): ModerationItem | undefined;
  decide(itemId: string, decision: ModerationDecision, actor: string, reason?: string): Promise<ModerationItem>;
  /** Writes an audit entry for an action chat made itself (a rules change). */
  record(entry: NewAuditEntry): unknown;
}
