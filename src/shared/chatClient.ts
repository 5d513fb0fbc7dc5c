import type { ClientChatFrame, ServerChatFrame, ServerChatFrameOf } from './contract/chatFrames';
import { CHAT_CLOSE } from './contract/chatFrames';
import type { ChatMessage, Reaction } from './domain/chat';
import { Emitter, type EventArgs } from './emitter';

/**
 * Chat client for every page that shows chat (studio dock, viewer page, co-moderator console).
 * Browser-safe: the global `WebSocket`, no Node imports. It keeps the visible messages in seq
 * order, resumes from its last seq after a drop (the server replays exactly what was missed; ids
 * dedupe anything seen twice), re-sends unacknowledged messages under the same id (the server
 * stores them once), and reconnects with jittered exponential backoff.
 */

/** The slice of the WebSocket API the client needs (the browser's, or `ws` in Node tests). */
export interface ChatSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type ChatConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ChatClientEvents {
  state: ChatConnectionState;
  welcome: ServerChatFrameOf<'welcome'>;
  /** The visible messages changed (new, deleted, replayed); read `client.messages`. */
  messages: readonly ChatMessage[];
  message: ChatMessage;
  deleted: string;
  pinned: ChatMessage | null;
  highlight: ChatMessage | null;
  reactions: Record<string, number>;
  notice: ServerChatFrameOf<'notice'>;
  error: ServerChatFrameOf<'error'>;
  /** More was missed than one resume replays: older messages are not shown. */
  gap: void;
  /** The server refused us for good (bad token, banned, no such stream); no more retries. */
  fatal: { code: number; reason: string };
}

export interface ChatClientOptions {
  /** e.g. `ws://host/chat?token=…` or `…/chat?session=…&room=…`; `since` is added on resume. */
  url: string;
  createSocket?: (url: string) => ChatSocketLike;
  /** Messages kept in memory (oldest dropped first). */
  keep?: number;
  backoff?: { initialMs: number; maxMs: number };
}

type Ack = ServerChatFrameOf<'ack'>;

interface PendingFrame {
  frame: ClientChatFrame;
  resolve: (frame: Ack | ServerChatFrameOf<'done'>) => void;
  reject: (error: ServerChatFrameOf<'error'>) => void;
}

/** Reconnect back-off when the options name none: quick at first, never slower than every 10 s. */
const DEFAULT_BACKOFF = { initialMs: 250, maxMs: 10_000 } as const;
/** Messages kept in memory when the options name no limit. */
const DEFAULT_KEEP = 500;
/** WebSocket close code for a leave we asked for. */
const NORMAL_CLOSE = 1000;

const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([CHAT_CLOSE.unauthorized, CHAT_CLOSE.forbidden, CHAT_CLOSE.notFound]);

function randomId(): string {
  const bytes = new Uint8Array(15);
  const crypto = (globalThis as { crypto?: { getRandomValues(array: Uint8Array): Uint8Array } }).crypto;
  if (crypto) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from(bytes, (b) => alphabet[b & 63]).join('');
}

export class ChatClient {
  private socket: ChatSocketLike | null = null;
  private readonly byId = new Map<string, ChatMessage>();
  private ordered: ChatMessage[] = [];
  private readonly events = new Emitter<ChatClientEvents>();
  private readonly pending = new Map<string, PendingFrame>();
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private nextRef = 1;
  /** Highest seq seen; null until the first welcome. */
  lastSeq: number | null = null;
  state: ChatConnectionState = 'closed';
  pinned: ChatMessage | null = null;
  highlight: ChatMessage | null = null;
  you: ServerChatFrameOf<'welcome'>['you'] | null = null;

  constructor(private readonly options: ChatClientOptions) {}

  get messages(): readonly ChatMessage[] {
    return this.ordered;
  }

  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends keyof ChatClientEvents>(event: E, listener: (...args: EventArgs<ChatClientEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }

  connect(): void {
    this.stopped = false;
    this.open();
  }

  /** Sends a message; resolves with the ack (visible with a seq, or held), rejects with the error frame. */
  send(text: string): Promise<Ack> {
    return this.request({ type: 'send', ref: this.ref(), id: randomId(), text }) as Promise<Ack>;
  }

  react(reaction: Reaction): void {
    this.transmit({ type: 'react', reaction });
  }

  /** Report, or (moderators) delete, pin, highlight, timeout, ban, unban, approve, reject. */
  act(frame: Exclude<ClientChatFrame, { type: 'send' | 'react' }>): Promise<ServerChatFrameOf<'done'>> {
    return this.request({ ...frame, ref: this.ref() }) as Promise<ServerChatFrameOf<'done'>>;
  }

  close(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.socket?.close(NORMAL_CLOSE, 'bye');
    this.socket = null;
    this.setState('closed');
  }

  private ref(): string {
    const ref = `r${this.nextRef}`;
    this.nextRef += 1;
    return ref;
  }

  private request(frame: ClientChatFrame & { ref?: string }): Promise<Ack | ServerChatFrameOf<'done'>> {
    return new Promise((resolve, reject) => {
      this.pending.set(frame.ref ?? '', { frame, resolve, reject });
      this.transmit(frame);
    });
  }

  private transmit(frame: ClientChatFrame): void {
    // While disconnected, sends wait in `pending` and go out after the next welcome.
    if (this.socket && this.state === 'open') this.socket.send(JSON.stringify(frame));
  }

  private open(): void {
    const url =
      this.lastSeq === null ? this.options.url : `${this.options.url}${this.options.url.includes('?') ? '&' : '?'}since=${this.lastSeq}`;
    const create =
      this.options.createSocket ??
      ((target: string) => new (globalThis as unknown as { WebSocket: new (u: string) => ChatSocketLike }).WebSocket(target));
    this.setState(this.attempts === 0 && this.lastSeq === null ? 'connecting' : 'reconnecting');
    const socket = create(url);
    this.socket = socket;
    socket.onmessage = (event) => {
      if (this.socket !== socket || typeof event.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(event.data);
      } catch {
        return; // not JSON, so not a frame of ours: dropping it keeps the rest of the stream readable
      }
      for (const frame of (Array.isArray(parsed) ? parsed : [parsed]) as ServerChatFrame[]) this.receive(frame);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (FATAL_CLOSE_CODES.has(event.code)) {
        this.stopped = true;
        this.setState('closed');
        this.events.emit('fatal', { code: event.code, reason: event.reason });
        return;
      }
      if (!this.stopped) this.scheduleReconnect();
    };
    socket.onerror = () => undefined; // onclose follows and decides
  }

  private scheduleReconnect(): void {
    const { initialMs, maxMs } = this.options.backoff ?? DEFAULT_BACKOFF;
    const delay = Math.min(maxMs, initialMs * 2 ** this.attempts) * (0.5 + Math.random() / 2);
    this.attempts += 1;
    this.setState('reconnecting');
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.open();
    }, delay);
  }

  private receive(frame: ServerChatFrame): void {
    switch (frame.type) {
      case 'welcome':
        return this.onWelcome(frame);
      case 'message':
        if (this.add(frame.message)) {
          this.events.emit('message', frame.message);
          this.events.emit('messages', this.ordered);
        }
        return;
      case 'deleted':
        if (this.remove(frame.id)) this.events.emit('messages', this.ordered);
        this.events.emit('deleted', frame.id);
        return;
      case 'pinned':
        this.pinned = frame.message;
        return this.events.emit('pinned', frame.message);
      case 'highlight':
        this.highlight = frame.message;
        return this.events.emit('highlight', frame.message);
      case 'reactions':
        return this.events.emit('reactions', frame.counts);
      case 'notice':
        return this.events.emit('notice', frame);
      case 'ack':
      case 'done':
        return this.settle(frame.ref, (p) => p.resolve(frame));
      case 'error':
        if (frame.ref !== undefined && this.pending.has(frame.ref)) return this.settle(frame.ref, (p) => p.reject(frame));
        return this.events.emit('error', frame);
    }
  }

  private onWelcome(frame: ServerChatFrameOf<'welcome'>): void {
    // A welcome behind what we have seen means the server started over: so do we.
    const resumed = this.lastSeq !== null && frame.lastSeq >= this.lastSeq;
    if (!resumed) {
      this.lastSeq = null;
      this.byId.clear();
      this.ordered = [];
    }
    for (const id of frame.deleted) this.remove(id);
    for (const message of frame.messages) this.add(message);
    this.lastSeq = Math.max(this.lastSeq ?? 0, frame.lastSeq);
    this.pinned = frame.pinned;
    this.highlight = frame.highlight;
    this.you = frame.you;
    this.attempts = 0;
    this.setState('open');
    this.events.emit('welcome', frame);
    if (frame.truncated) this.events.emit('gap');
    this.events.emit('messages', this.ordered);
    // Unacknowledged frames from before the drop: sends keep their id, so the server stores them once.
    for (const [ref, pending] of this.pending) {
      if (pending.frame.type === 'send') this.socket?.send(JSON.stringify(pending.frame));
      else if (resumed) this.settle(ref, (p) => p.reject({ type: 'error', ref, code: 'internal', message: 'Connection lost; try again' }));
      else this.socket?.send(JSON.stringify(pending.frame));
    }
  }

  private settle(ref: string | undefined, action: (pending: PendingFrame) => void): void {
    if (ref === undefined) return;
    const pending = this.pending.get(ref);
    if (!pending) return;
    this.pending.delete(ref);
    action(pending);
  }

  /** Adds a message unless its id is known; keeps seq order. Returns whether it was new. */
  private add(message: ChatMessage): boolean {
    if (this.byId.has(message.id)) return false;
    this.byId.set(message.id, message);
    this.lastSeq = Math.max(this.lastSeq ?? 0, message.seq);
    const last = this.ordered.at(-1);
    if (!last || last.seq < message.seq) this.ordered.push(message);
    else {
      const index = this.ordered.findIndex((m) => m.seq > message.seq);
      this.ordered.splice(index < 0 ? this.ordered.length : index, 0, message);
    }
    const keep = this.options.keep ?? DEFAULT_KEEP;
    while (this.ordered.length > keep) {
      const dropped = this.ordered.shift();
      if (dropped) this.byId.delete(dropped.id);
    }
    return true;
  }

  private remove(id: string): boolean {
    if (!this.byId.delete(id)) return false;
    this.ordered = this.ordered.filter((m) => m.id !== id);
    return true;
  }

  private setState(state: ChatConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.events.emit('state', state);
  }
}
