import type {
  AuditEntry,
  BanScope,
  ChatBan,
  ChatMessage,
  ModerationDecision,
  ModerationItem,
  ModerationKind,
  ModerationStatus,
} from '../../shared/domain/chat';
import { mayActOn, refusalMessage, type Actor } from '../../shared/domain/roles';
import { appendAudit, listAudit, type NewAuditEntry } from '../db/moderation/auditLog';
import { insertBan, liftBans, listActiveBans, upsertTimeout } from '../db/chat/chatBans';
import { getChatMessage, rejectHeldMessage, type StoredChatMessage } from '../db/chat/chatMessages';
import {
  addReport,
  decideModerationItem,
  getModerationItem,
  insertModerationItem,
  listModerationItems,
  listPendingHeldOf,
} from '../db/moderation/moderationItems';
import { roleOfIdentity } from '../db/history/participantRoles';
import { getStream } from '../db/history/streams';
import { ChatFailure } from '../chat/chatFailure';
import type { ChatIdentity } from '../chat/moderationPort';
import { applyDecision, applyDelete } from './decisions';
import type { ModerationDeps, StageAdmitter } from './moderationDeps';
import { setHighlight, setPin } from './spotlight';

const MS_PER_MINUTE = 60_000;

/**
 * The moderation queue and every moderator action. Each action is written with its audit entry in
 * one transaction, then broadcast to chat clients and announced to the studio. Whatever touches
 * messages or who may send them (decisions, deletes, bans, timeouts) is written through the chat
 * writer, the path messages take, so actions and messages commit in one order.
 */
export class ModerationService {
  private stageAdmitter: StageAdmitter | null = null;

  constructor(private readonly deps: ModerationDeps) {}

  list(filter: { streamId: string; status: ModerationStatus; kind?: ModerationKind; limit: number }): ModerationItem[] {
    return listModerationItems(this.deps.db, filter);
  }

  itemOf(itemId: string): ModerationItem | undefined {
    return getModerationItem(this.deps.db, itemId);
  }

  /** Approve or reject one pending item; each kind has its own meaning (see `applyDecision`). */
  async decide(itemId: string, decision: ModerationDecision, actor: string, reason?: string): Promise<ModerationItem> {
    const item = getModerationItem(this.deps.db, itemId);
    if (!item) throw new ChatFailure('not_found', 'No such queue item');
    if (item.status !== 'pending') throw new ChatFailure('conflict', `This item was already ${item.status}`);
    // The stage first: if LiveKit refuses, the call fails with its code and the request stays
    // pending for another try, instead of reading "approved" with nobody on stage.
    if (item.kind === 'stage_request' && decision === 'approve') {
      if (!this.stageAdmitter) throw new ChatFailure('internal', 'The stage is not running');
      await this.stageAdmitter(item);
    }
    const result = await applyDecision(this.deps, item, decision, actor, reason ?? null);
    const decided = getModerationItem(this.deps.db, itemId) ?? item;
    this.announce(result.audit);
    this.deps.bus.emit('moderation.resolved', decided);
    return decided;
  }

  /** Removes a visible message from every client. */
  async deleteMessage(messageId: string, actor: string, reason?: string): Promise<void> {
    const message = this.visibleOrFail(messageId);
    const audit = await applyDelete(this.deps, message, actor, reason ?? null);
    this.announce(audit);
  }

  /**
   * Stops a chatter from sending for a while; they are told until when. Written through the chat
   * writer, like messages, so it takes its place in the same commit order as the sends around it.
   */
  async timeout(streamId: string, identity: string, minutes: 1 | 5 | 10, by: Actor, reason?: string): Promise<number> {
    const { db, now, chat } = this.deps;
    this.streamOrFail(streamId);
    this.mayActOnOrFail(by, identity);
    const actor = by.actor;
    const at = now();
    const until = at + minutes * MS_PER_MINUTE;
    const audit = await chat.inSendOrder(() => {
      upsertTimeout(db, { streamId, identity, until, actor, reason: reason ?? null, at });
      return appendAudit(db, { streamId, actor, action: 'timeout', targetIdentity: identity, reason, details: { minutes }, at });
    });
    chat.tellTimedOut(streamId, identity, minutes, until);
    this.announce(audit);
    return until;
  }

  /**
   * Bans a chatter from this stream or every stream and disconnects them. The ban goes through the
   * chat writer, the one write path messages take: a held message submitted before it commits
   * first and is swept below, and one submitted after it sees the ban (see `ChatSender`), so no
   * message of theirs can slip past into the queue.
   */
  async ban(streamId: string, identity: string, scope: BanScope, by: Actor, reason?: string): Promise<void> {
    const { db, now, chat } = this.deps;
    this.streamOrFail(streamId);
    this.mayActOnOrFail(by, identity);
    const actor = by.actor;
    const at = now();
    const { audit, dropped } = await chat.inSendOrder(() => {
      insertBan(db, { identity, streamId: scope === 'always' ? null : streamId, actor, reason: reason ?? null, at });
      // Their messages still waiting for review go too: nobody should have to reject them one by one.
      const held = listPendingHeldOf(db, scope === 'always' ? null : streamId, identity);
      for (const { itemId, messageId } of held) {
        decideModerationItem(db, itemId, 'rejected', actor, at);
        rejectHeldMessage(db, messageId, actor, at);
      }
      const entry = appendAudit(db, {
        streamId,
        actor,
        action: 'ban',
        targetIdentity: identity,
        reason,
        details: { scope, heldRejected: held.length },
        at,
      });
      return { audit: entry, dropped: held.map((h) => h.itemId) };
    });
    for (const itemId of dropped) {
      const item = getModerationItem(db, itemId);
      if (item) this.deps.bus.emit('moderation.resolved', item);
    }
    chat.disconnectBanned(scope === 'always' ? null : streamId, identity);
    this.announce(audit);
  }

  /** Lifts a ban; through the chat writer like the ban itself, so the two commit in call order. */
  async unban(streamId: string, identity: string, actor: string, reason?: string): Promise<number> {
    const { db, now, chat } = this.deps;
    const at = now();
    const result = await chat.inSendOrder(() => {
      const lifted = liftBans(db, streamId, identity, actor, at);
      if (lifted === 0) return null;
      return { lifted, audit: appendAudit(db, { streamId, actor, action: 'unban', targetIdentity: identity, reason, at }) };
    });
    if (!result) throw new ChatFailure('not_found', 'This chatter is not banned');
    this.announce(result.audit);
    return result.lifted;
  }

  bans(streamId: string): ChatBan[] {
    return listActiveBans(this.deps.db, streamId);
  }

  pin(streamId: string, messageId: string | null, actor: string): ChatMessage | null {
    const message = messageId === null ? null : this.visibleOrFail(messageId, streamId);
    const { audit, pinned } = setPin(this.deps, streamId, message, actor);
    this.announce(audit);
    return pinned;
  }

  highlight(streamId: string, messageId: string | null, actor: string): ChatMessage | null {
    const message = messageId === null ? null : this.visibleOrFail(messageId, streamId);
    const { audit, highlight } = setHighlight(this.deps, streamId, message, actor);
    this.announce(audit);
    return highlight;
  }

  /** A viewer reports a message: one queue item per message, counting distinct reporters. */
  report(streamId: string, messageId: string, reporter: ChatIdentity, reason: string): void {
    const { db, now } = this.deps;
    const message = this.visibleOrFail(messageId, streamId);
    const added = addReport(db, {
      newItemId: this.deps.chat.newId(),
      streamId,
      messageId,
      subject: { identity: message.sender.identity, name: message.sender.name },
      reporter: reporter.identity,
      reason,
      at: now(),
    });
    if (added?.created) {
      const item = getModerationItem(db, added.itemId);
      if (item) this.deps.bus.emit('moderation.queued', item);
    }
  }

  /** For the guests feature: a guest asks to go on stage; approving it admits them (`handleStageApprovals`). */
  enqueueStageRequest(
    streamId: string,
    subject: { identity: string; name: string },
    note: string,
    details?: Record<string, unknown>,
  ): ModerationItem {
    const { db, now } = this.deps;
    this.streamOrFail(streamId);
    const id = this.deps.chat.newId();
    insertModerationItem(db, { id, streamId, kind: 'stage_request', subject, messageId: null, reason: note, createdAt: now(), details });
    const item = getModerationItem(db, id);
    if (!item) throw new ChatFailure('internal', 'Stage request was not stored');
    this.deps.bus.emit('moderation.queued', item);
    return item;
  }

  /** The guest left or cancelled: the item leaves the queue without a decision. */
  withdraw(itemId: string, by: string): ModerationItem | null {
    const { db, now } = this.deps;
    if (!decideModerationItem(db, itemId, 'withdrawn', by, now())) return null;
    const item = getModerationItem(db, itemId);
    if (item) this.deps.bus.emit('moderation.resolved', item);
    return item ?? null;
  }

  /** The stage registers how it admits a guest; `decide` awaits it before recording an approval. */
  handleStageApprovals(admit: StageAdmitter): void {
    this.stageAdmitter = admit;
  }

  audit(streamId: string | null, limit: number, beforeId?: number): AuditEntry[] {
    return listAudit(this.deps.db, { streamId, limit, beforeId });
  }

  /** Writes an audit entry for actions made elsewhere (rules changes, moderator links). */
  record(entry: NewAuditEntry): AuditEntry {
    const audit = appendAudit(this.deps.db, entry);
    this.announce(audit);
    return audit;
  }

  private announce(entry: AuditEntry): void {
    this.deps.bus.emit('audit.appended', entry);
  }

  /**
   * The one check before acting on a chatter: the target's role comes from what the server issued
   * (see `roleOfIdentity`), the caller's from their session or token. Runs before anything is
   * written, so a refusal leaves no ban, timeout or audit entry behind.
   */
  private mayActOnOrFail(by: Actor, identity: string): void {
    const target = roleOfIdentity(this.deps.db, identity);
    if (!mayActOn(by.role, target)) throw new ChatFailure('forbidden', refusalMessage(by.role, target));
  }

  private streamOrFail(streamId: string): void {
    if (!getStream(this.deps.db, streamId)) throw new ChatFailure('not_found', 'This stream does not exist');
  }

  private visibleOrFail(messageId: string, streamId?: string): StoredChatMessage {
    const message = getChatMessage(this.deps.db, messageId);
    if (!message || (streamId !== undefined && message.streamId !== streamId)) throw new ChatFailure('not_found', 'No such message');
    if (message.status === 'held') throw new ChatFailure('conflict', 'This message is waiting in the moderation queue');
    if (message.status !== 'visible') throw new ChatFailure('conflict', `This message was already ${message.status}`);
    return message;
  }
}
