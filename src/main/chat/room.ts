import type { ChatRole } from '../../shared/domain/chat';
import type { ServerChatFrame } from '../../shared/contract/chatFrames';
import { sendOrCutOff, type BufferedSocket } from '../server/backpressure';
import { Emitter, type EventArgs } from '../../shared/emitter';

/** The part of a `ws` WebSocket the room uses; tests pass plain objects. */
export interface PeerSocket extends BufferedSocket {
  /** Broadcasts pass one shared Buffer with `binary: false` (a text frame, encoded once). */
  send(data: string | Buffer, options?: { binary?: boolean }): void;
  close(code?: number, reason?: string): void;
}

/** Who is on the other end of a chat socket (from their token or session). */
export interface ChatIdentity {
  identity: string;
  name: string;
  role: ChatRole;
}

/** One connected client of one stream's chat. */
export interface ChatPeer {
  readonly streamId: string;
  readonly who: ChatIdentity;
  /** How this client appears in the audit log when it moderates ("host", "moderator:Ana"). */
  readonly actor: string;
  readonly socket: PeerSocket;
  /** Reactions sent in the current one-second window (reactions have their own cheap limit). */
  reactionWindow: { start: number; count: number };
}

export interface ChatRoomOptions {
  /** A client with more than this many bytes queued is cut off (it is not reading). */
  maxBufferedBytes: number;
}

export interface ChatRoomEvents {
  /** A peer was cut off because it stopped reading. */
  slowConsumer: ChatPeer;
}

/**
 * The clients of one stream's chat and its outgoing broadcast queue. Frames published in the same
 * turn of the event loop leave as one array frame, serialized once and written to every socket;
 * that, not a faster socket library, is what keeps fan-out cheap (see docs/chat-fanout.md).
 */
export class ChatRoom {
  readonly peers = new Set<ChatPeer>();
  private outbox: ServerChatFrame[] = [];
  private scheduled: ReturnType<typeof setImmediate> | null = null;
  private readonly events = new Emitter<ChatRoomEvents>();

  constructor(
    readonly streamId: string,
    /** Highest seq handed out so far (committed or about to be). */
    private seq: number,
    private readonly options: ChatRoomOptions,
  ) {}

  on<E extends keyof ChatRoomEvents>(event: E, listener: (...args: EventArgs<ChatRoomEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }

  /** Hands out the next seq. Called inside the write that stores the message, so seqs commit in order. */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /**
   * Adds a peer. Whatever is already queued goes out first, to the existing peers only: the new
   * peer's welcome is read from the database in the same synchronous step and already has it.
   */
  add(peer: ChatPeer): void {
    this.flush();
    this.peers.add(peer);
  }

  remove(peer: ChatPeer): void {
    this.peers.delete(peer);
  }

  /** Queues a frame for every peer; it leaves with the rest of this turn's frames. */
  publish(frame: ServerChatFrame): void {
    this.outbox.push(frame);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    if (this.outbox.length === 0) return;
    // Encoded once: `ws` frames a Buffer without copying it, so every socket shares these bytes.
    const data = Buffer.from(JSON.stringify(this.outbox));
    this.outbox = [];
    for (const peer of this.peers) this.deliver(peer, data);
  }

  /** Sends one already-serialized message to one peer, cutting it off if it stopped reading. */
  deliver(peer: ChatPeer, data: Buffer): void {
    if (sendOrCutOff(peer.socket, data, this.options.maxBufferedBytes, { binary: false })) return;
    this.peers.delete(peer);
    this.events.emit('slowConsumer', peer);
  }

  /** Sends a frame to this stream's peers that match `filter` (e.g. one chatter's sockets). */
  sendWhere(filter: (peer: ChatPeer) => boolean, frame: ServerChatFrame): ChatPeer[] {
    const matched = [...this.peers].filter(filter);
    if (matched.length === 0) return matched;
    const data = Buffer.from(JSON.stringify(frame));
    for (const peer of matched) this.deliver(peer, data);
    return matched;
  }
}
