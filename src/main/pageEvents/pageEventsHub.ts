import type { PageStream, ServerPageFrame } from '../../shared/contract/pageEvents';
import type { ModerationItem } from '../../shared/domain/chat';
import type { GuestState } from '../../shared/domain/stage';
import type { EventBus } from '../api/eventBus';
import type { Logger } from '../logging';
import { sendOrCutOff, type BufferedSocket } from '../server/backpressure';
import type { StreamRecord } from '../../shared/domain/stream';

/** Frames are tiny: a page with this much unread is not reading. */
const DEFAULT_MAX_BUFFERED_BYTES = 64 * 1024;

/** What the hub needs of a socket (a `ws` WebSocket; tests may pass a fake). */
export type PageSocket = BufferedSocket;

/** One connected page: anyone, or a guest once their token was checked. */
export interface PageSubscriber {
  readonly socket: PageSocket;
  readonly address: string;
  guest: string | null;
  /** The guest state this page was last told, so only changes go out. */
  lastGuestState: GuestState | null;
}

export interface PageEventsHubDeps {
  bus: EventBus;
  streams: { liveStream(): { stream: StreamRecord } | null };
  /** The one resolver of a guest's state (null: an identity we never issued). */
  guestState(identity: string): GuestState | null;
  log: Logger;
  /** A page that lets this much pile up unread is cut off (default 64 KiB: frames are tiny). */
  maxBufferedBytes?: number;
}

/**
 * Connected pages and what they are told. Studio events arrive on the bus; stream changes go to
 * everyone, and anything that can change a guest's state marks that guest (or every guest) for a
 * re-read on the next turn of the event loop. Waiting a turn matters: a stage approval is
 * announced before the stage applies it, and coalescing means one frame per real change.
 */
export class PageEventsHub {
  private readonly subscribers = new Set<PageSubscriber>();
  private readonly unlisten: (() => void)[];
  /** Guests to re-read, or 'all' after stream and roster changes. */
  private dirty: Set<string> | 'all' = new Set();
  private flush: ReturnType<typeof setImmediate> | null = null;
  private readonly maxBuffered: number;

  constructor(private readonly deps: PageEventsHubDeps) {
    this.maxBuffered = deps.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
    const markStageRequester = (item: ModerationItem): void => {
      if (item.kind === 'stage_request') this.mark(item.subject.identity);
    };
    this.unlisten = [
      deps.bus.on('stream.state', ({ live }) => {
        const stream: PageStream = live
          ? { status: 'live', title: live.title, mode: live.mode, startedAt: live.startedAt }
          : { status: 'ended' };
        this.broadcast({ type: 'stream', stream });
        this.markAll();
      }),
      deps.bus.on('stage.changed', () => this.markAll()),
      deps.bus.on('moderation.queued', markStageRequester),
      deps.bus.on('moderation.resolved', markStageRequester),
    ];
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Adds a page and tells it where the stream stands right now. */
  add(socket: PageSocket, address: string): PageSubscriber {
    const subscriber: PageSubscriber = { socket, address, guest: null, lastGuestState: null };
    this.subscribers.add(subscriber);
    this.send(subscriber, JSON.stringify({ type: 'stream', stream: this.currentStream() } satisfies ServerPageFrame));
    return subscriber;
  }

  /** The page proved it is this guest: tell it its state now, then on every change. */
  subscribeGuest(subscriber: PageSubscriber, identity: string): void {
    subscriber.guest = identity;
    subscriber.lastGuestState = null;
    this.refresh(subscriber, new Map());
  }

  remove(subscriber: PageSubscriber): void {
    this.subscribers.delete(subscriber);
  }

  close(): void {
    for (const stop of this.unlisten) stop();
    if (this.flush) clearImmediate(this.flush);
    this.subscribers.clear();
  }

  private currentStream(): PageStream {
    const live = this.deps.streams.liveStream();
    return live
      ? { status: 'live', title: live.stream.title, mode: live.stream.mode, startedAt: live.stream.startedAt }
      : { status: 'waiting' };
  }

  private mark(identity: string): void {
    if (this.dirty !== 'all') this.dirty.add(identity);
    this.schedule();
  }

  private markAll(): void {
    this.dirty = 'all';
    this.schedule();
  }

  private schedule(): void {
    this.flush ??= setImmediate(() => {
      this.flush = null;
      const dirty = this.dirty;
      this.dirty = new Set();
      // One read per identity per flush, however many of their tabs are open.
      const states = new Map<string, GuestState | null>();
      for (const subscriber of this.subscribers) {
        if (subscriber.guest !== null && (dirty === 'all' || dirty.has(subscriber.guest))) this.refresh(subscriber, states);
      }
    });
  }

  private refresh(subscriber: PageSubscriber, states: Map<string, GuestState | null>): void {
    const identity = subscriber.guest;
    if (identity === null) return;
    let state: GuestState | null | undefined = states.get(identity);
    if (state === undefined) {
      try {
        state = this.deps.guestState(identity);
      } catch (error) {
        this.deps.log.error('page events: reading a guest state failed', error);
        return;
      }
      states.set(identity, state);
    }
    if (state === null || state === subscriber.lastGuestState) return;
    subscriber.lastGuestState = state;
    this.send(subscriber, JSON.stringify({ type: 'guest', state } satisfies ServerPageFrame));
  }

  private broadcast(frame: ServerPageFrame): void {
    const text = JSON.stringify(frame);
    for (const subscriber of this.subscribers) this.send(subscriber, text);
  }

  /** Sends, or cuts off a page that stopped reading: it reconnects and re-reads when it can. */
  private send(subscriber: PageSubscriber, text: string): void {
    if (sendOrCutOff(subscriber.socket, text, this.maxBuffered)) return;
    this.deps.log.warn('page events: cut off a page that is not reading');
    this.subscribers.delete(subscriber);
  }
}
