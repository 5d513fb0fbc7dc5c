import { randomBytes } from 'node:crypto';
import { CHAT_JOIN_HISTORY, CHAT_MAX_REPLAY, CHAT_CLOSE, type ServerChatFrame } from '../../shared/contract/chatFrames';
import { canModerate, type ChatMessage, type Reaction } from '../../shared/domain/chat';
import type { EventBus } from '../api/eventBus';
import type { Database } from '../db/openDatabase';
import { activeTimeoutUntil, findActiveBan } from '../db/chat/chatBans';
import { listDeletedSince, listMessagesAfter, listRecentMessages, maxChatSeq } from '../db/chat/chatMessages';
import type { Logger } from '../logging';
import { sendOrCutOff } from '../server/backpressure';
import { ChatFailure } from './chatFailure';
import {
  BROADCAST_BUFFER_LIMIT,
  CHAT_ID_BYTES,
  DIRECT_FRAME_BUFFER_LIMIT,
  REACTION_FLUSH_MS,
  REACTION_WINDOW_MS,
  REACTIONS_PER_WINDOW,
} from './chatLimits';
import { ChatRoom, type ChatIdentity, type ChatPeer, type PeerSocket } from './room';
import { resolveStreamState } from './streamState';
import type { RulesStore } from './rulesStore';

export interface ChatHubDeps {
  db: Database;
  bus: EventBus;
  log: Logger;
  now: () => number;
  rules: RulesStore;
  /** A slow consumer is cut off past this many queued bytes (default `BROADCAST_BUFFER_LIMIT`). */
  maxBufferedBytes?: number;
  /** How often aggregated reaction counts are broadcast (default `REACTION_FLUSH_MS`). */
  reactionIntervalMs?: number;
}

/** Message ids: `CHAT_ID_BYTES` random bytes, url-safe, sortable enough for display and unique enough for a PK. */
export function newChatId(): string {
  return randomBytes(CHAT_ID_BYTES).toString('base64url');
}

/**
 * Connected chat clients, grouped by stream, and everything that goes out to them: welcome with
 * history or replay, broadcasts, reactions and frames to one chatter. Sending and moderation live
 * in `ChatSender` and `ModerationService`, which publish through here.
 */
export class ChatHub {
  private readonly rooms = new Map<string, ChatRoom>();
  private readonly reactions = new Map<string, Map<Reaction, number>>();
  private reactionTimer: ReturnType<typeof setInterval> | null = null;
  private readonly pendingEvents = new Map<string, ChatMessage[]>();
  private eventFlush: ReturnType<typeof setImmediate> | null = null;
  private closed = false;

  constructor(private readonly deps: ChatHubDeps) {}

  get now(): () => number {
    return this.deps.now;
  }

  /** The room of a stream, created on first use with the stream's highest stored seq. */
  room(streamId: string): ChatRoom {
    let room = this.rooms.get(streamId);
    if (!room) {
      room = new ChatRoom(streamId, maxChatSeq(this.deps.db, streamId), {
        maxBufferedBytes: this.deps.maxBufferedBytes ?? BROADCAST_BUFFER_LIMIT,
      });
      room.on('slowConsumer', (peer) => this.deps.log.warn(`chat: cut off ${peer.who.identity}, not reading (over the buffered limit)`));
      this.rooms.set(streamId, room);
    }
    return room;
  }

  /**
   * Adds a client: refuses banned chatters, then sends the welcome (last messages, or exactly what
   * was missed after `since`) and registers the client, in one synchronous step so nothing
   * committed in between is lost or doubled.
   */
  join(streamId: string, who: ChatIdentity, actor: string, socket: PeerSocket, since: number | null): ChatPeer | null {
    const { db, now } = this.deps;
    if (this.closed) {
      socket.close(CHAT_CLOSE.shutdown, 'Server is shutting down');
      return null;
    }
    if (!canModerate(who.role) && findActiveBan(db, streamId, who.identity)) {
      sendNow(socket, { type: 'error', code: 'banned', message: 'You are banned from this chat' });
      socket.close(CHAT_CLOSE.forbidden, 'banned');
      return null;
    }
    const room = this.room(streamId);
    room.flush();
    const lastSeq = maxChatSeq(db, streamId);
    // A client ahead of the store (the database was replaced) starts over with the latest history.
    const from = since !== null && since <= lastSeq ? since : null;
    const replay =
      from === null
        ? { messages: listRecentMessages(db, streamId, CHAT_JOIN_HISTORY), truncated: false }
        : listMessagesAfter(db, streamId, from, CHAT_MAX_REPLAY);
    const state = resolveStreamState(db, streamId);
    sendNow(socket, {
      type: 'welcome',
      streamId,
      you: who,
      messages: replay.messages,
      deleted: from === null ? [] : listDeletedSince(db, streamId, from),
      truncated: replay.truncated,
      lastSeq,
      pinned: state.pinned,
      highlight: state.highlight,
      slowModeSeconds: this.deps.rules.get().slowModeSeconds,
      timedOutUntil: activeTimeoutUntil(db, streamId, who.identity, now()),
    });
    const peer: ChatPeer = { streamId, who, actor, socket, reactionWindow: { start: 0, count: 0 } };
    room.add(peer);
    return peer;
  }

  leave(peer: ChatPeer): void {
    this.rooms.get(peer.streamId)?.remove(peer);
  }

  /** Broadcasts a frame to everyone in a stream's chat (batched with this turn's other frames). */
  publish(streamId: string, frame: ServerChatFrame): void {
    this.room(streamId).publish(frame);
  }

  /** Sends every room's queued frames now (after a chat batch commits, before its acks). */
  flush(): void {
    for (const room of this.rooms.values()) room.flush();
  }

  /** Broadcasts a frame to every stream's chat (rule changes). */
  publishAll(frame: ServerChatFrame): void {
    for (const room of this.rooms.values()) room.publish(frame);
  }

  /** Broadcasts newly visible messages and tells the studio, one event per batch. */
  publishMessages(streamId: string, messages: ChatMessage[]): void {
    const room = this.room(streamId);
    for (const message of messages) room.publish({ type: 'message', message });
    const pending = this.pendingEvents.get(streamId);
    if (pending) pending.push(...messages);
    else this.pendingEvents.set(streamId, [...messages]);
    this.eventFlush ??= setImmediate(() => this.flushEvents());
  }

  private flushEvents(): void {
    this.eventFlush = null;
    for (const [streamId, messages] of this.pendingEvents) this.deps.bus.emit('chat.messages', { streamId, messages });
    this.pendingEvents.clear();
  }

  /** Sends a frame to every socket of one chatter: in one stream, or in all streams when null. */
  sendToIdentity(streamId: string | null, identity: string, frame: ServerChatFrame): ChatPeer[] {
    const rooms = streamId === null ? [...this.rooms.values()] : [this.room(streamId)];
    return rooms.flatMap((room) => room.sendWhere((peer) => peer.who.identity === identity, frame));
  }

  /** Tells a chatter why and closes their sockets (a ban). */
  disconnectIdentity(streamId: string | null, identity: string, frame: ServerChatFrame, code: number): void {
    for (const peer of this.sendToIdentity(streamId, identity, frame)) {
      this.leave(peer);
      peer.socket.close(code, frame.type === 'error' ? frame.code : 'closed');
    }
  }

  /** Counts a reaction; counts leave every `REACTION_FLUSH_MS` as one `reactions` frame per stream. */
  react(peer: ChatPeer, reaction: Reaction): void {
    const now = this.deps.now();
    const window = peer.reactionWindow;
    if (now - window.start >= REACTION_WINDOW_MS) {
      window.start = now;
      window.count = 0;
    }
    if (window.count >= REACTIONS_PER_WINDOW)
      throw new ChatFailure('rate_limited', 'Too many reactions; slow down', REACTION_WINDOW_MS - (now - window.start));
    window.count += 1;
    let counts = this.reactions.get(peer.streamId);
    if (!counts) {
      counts = new Map();
      this.reactions.set(peer.streamId, counts);
    }
    counts.set(reaction, (counts.get(reaction) ?? 0) + 1);
    this.reactionTimer ??= setInterval(() => this.flushReactions(), this.deps.reactionIntervalMs ?? REACTION_FLUSH_MS);
  }

  private flushReactions(): void {
    if (this.reactions.size === 0 && this.reactionTimer) {
      clearInterval(this.reactionTimer);
      this.reactionTimer = null;
      return;
    }
    for (const [streamId, counts] of this.reactions) {
      this.publish(streamId, { type: 'reactions', counts: Object.fromEntries(counts) });
    }
    this.reactions.clear();
  }

  /** How many clients are connected to a stream's chat. */
  peerCount(streamId: string): number {
    return this.rooms.get(streamId)?.peers.size ?? 0;
  }

  /** Sends what is queued and closes every client with 1001 (going away). */
  close(): void {
    this.closed = true;
    if (this.reactionTimer) clearInterval(this.reactionTimer);
    this.reactionTimer = null;
    if (this.eventFlush) clearImmediate(this.eventFlush);
    this.flushEvents();
    for (const room of this.rooms.values()) {
      room.flush();
      for (const peer of room.peers) peer.socket.close(CHAT_CLOSE.shutdown, 'Server is shutting down');
      room.peers.clear();
    }
  }
}

/** A frame for one socket, outside the batched broadcast (welcome, ack, errors). */
export function sendNow(socket: PeerSocket, frame: ServerChatFrame): void {
  sendOrCutOff(socket, JSON.stringify(frame), DIRECT_FRAME_BUFFER_LIMIT);
}
