import { canModerate, CHAT_MAX_LENGTH, type ChatMessage } from '../../shared/domain/chat';
import type { EventBus } from '../api/eventBus';
import type { Database } from '../db/openDatabase';
import { activeTimeoutUntil, findActiveBan } from '../db/chat/chatBans';
import { getChatMessage, hasVisibleMessageFrom, insertChatMessage, listRecentSendsBy } from '../db/chat/chatMessages';
import { getModerationItem, insertModerationItem } from '../db/moderation/moderationItems';
import { getStream } from '../db/history/streams';
import { ChatFailure } from './chatFailure';
import { newChatId, type ChatHub } from './hub';
import { REPEAT_MEMORY, SENDER_SWEEP_MS } from './chatLimits';
import { SendLimiter } from './limiter';
import type { ChatIdentity } from './room';
import type { RulesStore } from './rulesStore';
import type { BatchWriter } from './writer';

export interface SendOutcome {
  id: string;
  /** null while the message waits in the moderation queue. */
  seq: number | null;
  status: 'visible' | 'held';
}

export interface ChatSenderDeps {
  db: Database;
  bus: EventBus;
  hub: ChatHub;
  writer: BatchWriter;
  rules: RulesStore;
  now: () => number;
}

/**
 * The send path: checks (stream live, ban, timeout, length, rate limit, slow mode, rules), then
 * stores the message in a batched transaction and only then broadcasts it and acknowledges it.
 * A held message is stored with a queue item and goes to moderators, not to the chat.
 */
export class ChatSender {
  private readonly limiter = new SendLimiter();
  /** Streams → chatters known to have had a message shown (so not "new chatters"). */
  private readonly known = new Map<string, Set<string>>();
  /** Sends still waiting for their commit, by message id, so a retry joins the first attempt. */
  private readonly inFlight = new Map<string, { identity: string; outcome: Promise<SendOutcome> }>();
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(private readonly deps: ChatSenderDeps) {
    this.sweeper = setInterval(() => this.limiter.sweep(deps.now()), SENDER_SWEEP_MS);
    this.sweeper.unref();
  }

  async send(streamId: string, who: ChatIdentity, rawText: string, clientId?: string): Promise<SendOutcome> {
    const { db, now } = this.deps;
    const privileged = canModerate(who.role);
    if (clientId !== undefined) {
      const retried = this.retried(clientId, who.identity);
      if (retried) return retried;
    }
    const stream = getStream(db, streamId);
    if (!stream) throw new ChatFailure('not_found', 'This stream does not exist');
    if (stream.status !== 'live') throw new ChatFailure('stream_ended', 'This stream has ended');
    const at = now();
    if (!privileged) this.refuseIfSilenced(streamId, who.identity, at);
    const text = rawText.trim();
    if (text.length === 0) throw new ChatFailure('bad_request', 'Message is empty');
    const rules = this.deps.rules.current();
    if ([...text].length > Math.min(rules.rules.maxLength, CHAT_MAX_LENGTH)) {
      throw new ChatFailure('too_large', `Messages are at most ${rules.rules.maxLength} characters`);
    }
    const key = `${streamId}\u0000${who.identity}`;
    let holdReason: string | null = null;
    if (!privileged) {
      // Memory is empty after a restart: read the chatter's newest sends back, once per chatter.
      if (!this.limiter.has(key)) {
        const depth = Math.max(rules.rules.rateLimit.messages, REPEAT_MEMORY);
        this.limiter.seed(key, listRecentSendsBy(db, streamId, who.identity, depth));
      }
      const limit = this.limiter.check(key, at, rules.rules);
      if (!limit.ok) {
        const message =
          limit.code === 'slow_mode'
            ? `Slow mode is on: one message every ${rules.rules.slowModeSeconds} s`
            : `You are sending too fast (at most ${rules.rules.rateLimit.messages} messages per ${rules.rules.rateLimit.perSeconds} s)`;
        throw new ChatFailure(limit.code, message, limit.retryAfterMs);
      }
      const verdict = rules.evaluate(text, {
        isNewChatter: rules.rules.holdFirstMessages && this.isNewChatter(streamId, who.identity),
        recentTexts: this.limiter.recentTexts(key, at),
      });
      this.limiter.record(key, at, text);
      if (verdict.action === 'block') throw new ChatFailure('blocked', verdict.message);
      if (verdict.action === 'hold') holdReason = verdict.rule;
    }
    const id = clientId ?? newChatId();
    // Checked again inside the write: a ban or timeout submitted after the check above but before
    // this message commits is ahead of it in the writer, and must win.
    const guard = privileged ? () => undefined : () => this.refuseIfSilenced(streamId, who.identity, at);
    const outcome =
      holdReason === null
        ? this.storeVisible(streamId, id, who, text, at, guard)
        : this.storeHeld(streamId, id, who, text, at, holdReason, guard);
    this.inFlight.set(id, { identity: who.identity, outcome });
    try {
      return await outcome;
    } finally {
      this.inFlight.delete(id);
    }
  }

  /** A send with a client id seen before: the same outcome again, never a second message. */
  private retried(id: string, identity: string): Promise<SendOutcome> | null {
    const pending = this.inFlight.get(id);
    const existing = pending ? null : getChatMessage(this.deps.db, id);
    const owner = pending?.identity ?? existing?.sender.identity;
    if (owner === undefined) return null;
    if (owner !== identity) throw new ChatFailure('conflict', 'That message id is taken');
    if (pending) return pending.outcome;
    // A message that was shown (even if deleted since) acks as visible; held or rejected ones as held.
    const shown = existing?.status === 'visible' || existing?.status === 'deleted';
    return Promise.resolve({ id, seq: shown ? (existing?.seq ?? null) : null, status: shown ? 'visible' : 'held' });
  }

  private refuseIfSilenced(streamId: string, identity: string, at: number): void {
    const { db } = this.deps;
    if (findActiveBan(db, streamId, identity)) throw new ChatFailure('banned', 'You are banned from this chat');
    const until = activeTimeoutUntil(db, streamId, identity, at);
    if (until !== null) throw new ChatFailure('timed_out', 'You are timed out', until - at);
  }

  private async storeVisible(
    streamId: string,
    id: string,
    who: ChatIdentity,
    text: string,
    at: number,
    guard: () => void,
  ): Promise<SendOutcome> {
    const room = this.deps.hub.room(streamId);
    // The seq is taken inside the write, so seqs commit in order; the broadcast is queued as the
    // batch commits (not in the continuation), so it leaves with its batch, before the acks.
    const seq = await this.deps.writer.submit(
      () => {
        guard();
        const next = room.nextSeq();
        insertChatMessage(this.deps.db, { id, streamId, seq: next, sender: who, text, createdAt: at, status: 'visible', holdReason: null });
        return next;
      },
      (committed) => {
        const message: ChatMessage = { id, seq: committed, sender: who, text, createdAt: at };
        this.markKnown(streamId, who.identity);
        this.deps.hub.publishMessages(streamId, [message]);
      },
    );
    return { id, seq, status: 'visible' };
  }

  private async storeHeld(
    streamId: string,
    id: string,
    who: ChatIdentity,
    text: string,
    at: number,
    reason: string,
    guard: () => void,
  ): Promise<SendOutcome> {
    const { db } = this.deps;
    const itemId = newChatId();
    await this.deps.writer.submit(() => {
      guard();
      insertChatMessage(db, { id, streamId, seq: null, sender: who, text, createdAt: at, status: 'held', holdReason: reason });
      insertModerationItem(db, { id: itemId, streamId, kind: 'held_message', subject: who, messageId: id, reason, createdAt: at });
    });
    const item = getModerationItem(db, itemId);
    if (item) this.deps.bus.emit('moderation.queued', item);
    return { id, seq: null, status: 'held' };
  }

  private isNewChatter(streamId: string, identity: string): boolean {
    if (this.known.get(streamId)?.has(identity)) return false;
    if (hasVisibleMessageFrom(this.deps.db, streamId, identity)) {
      this.markKnown(streamId, identity);
      return false;
    }
    return true;
  }

  /** Called when a chatter's message is shown (sent, or approved from the queue). */
  markKnown(streamId: string, identity: string): void {
    let set = this.known.get(streamId);
    if (!set) {
      set = new Set();
      this.known.set(streamId, set);
    }
    set.add(identity);
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
