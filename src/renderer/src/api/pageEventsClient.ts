import {
  PAGE_EVENTS_FINAL_CLOSES,
  PAGE_EVENTS_PATH,
  ServerPageFrameSchema,
  type ClientPageFrame,
  type PageStream,
} from '../../../shared/contract/pageEvents';
import type { GuestState } from '../../../shared/domain/stage';
import { Emitter, type EventArgs } from '../../../shared/emitter';
import { browserTimers, FALLBACK_MS, type Timers } from './pushFallback';

/** WebSocket close codes: ours when stopping, and the one a failed or dropped connection reports. */
const NORMAL_CLOSE = 1000;
const ABNORMAL_CLOSE = 1006;

/** `up` from the first frame of a connection until it closes. */
export type ChannelState = 'connecting' | 'up' | 'down';

/** The part of a browser WebSocket this client uses (a fake in tests). */
export interface PageSocketLike {
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  send(data: string): void;
  close(code?: number): void;
}

/** What the channel tells its page: its own state, and the pushes it received. */
export interface PageEvents {
  state: ChannelState;
  stream: PageStream;
  guest: GuestState;
}

/** Subscribes to one of the channel's events; returns the unsubscribe function. */
export type OnPageEvent = <E extends keyof PageEvents>(event: E, listener: (...args: EventArgs<PageEvents[E]>) => void) => () => void;

/** What a page controller holds of the channel (a fake in controller tests). */
export interface PushChannel {
  readonly state: ChannelState;
  readonly stream: PageStream | null;
  start(): void;
  stop(): void;
  on: OnPageEvent;
}

export interface PageEventsOptions {
  /** Defaults to `/events` on the page's own origin. */
  url?: string;
  /** The guest token to follow, read at every (re)connect; null for a viewer. */
  guestToken?: () => string | null;
  createSocket?: (url: string) => PageSocketLike;
  timers?: Timers;
  retryMs?: readonly number[];
}

function defaultSocket(url: string): PageSocketLike {
  return new WebSocket(url) as unknown as PageSocketLike;
}

function eventsUrl(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${PAGE_EVENTS_PATH}`;
}

/**
 * The page's end of `/events`: connects, follows a guest when it has a token, hands validated
 * frames to its subscribers and reconnects with back-off. It only says what changed; the page
 * decides what to re-read. A close the server marks final (a forged token, bad input) stops it
 * for good, and the page keeps polling instead.
 */
export class PageEventsClient implements PushChannel {
  private socket: PageSocketLike | null = null;
  private current: ChannelState = 'down';
  private latest: PageStream | null = null;
  private retry: unknown = undefined;
  private attempt = 0;
  private running = false;
  private readonly timers: Timers;
  private readonly retryMs: readonly number[];
  private readonly events = new Emitter<PageEvents>();

  readonly on: OnPageEvent = (event, listener) => this.events.on(event, listener);

  constructor(private readonly options: PageEventsOptions = {}) {
    this.timers = options.timers ?? browserTimers;
    this.retryMs = options.retryMs ?? FALLBACK_MS;
  }

  get state(): ChannelState {
    return this.current;
  }

  /** The stream state of the open connection (null unless up). */
  get stream(): PageStream | null {
    return this.current === 'up' ? this.latest : null;
  }

  /** Connects unless already running. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.open();
  }

  /** Closes and stays closed until `start`. */
  stop(): void {
    this.running = false;
    this.timers.clear(this.retry);
    this.retry = undefined;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null;
      socket.close(NORMAL_CLOSE);
    }
    this.setState('down');
  }

  private open(): void {
    let socket: PageSocketLike;
    try {
      socket = (this.options.createSocket ?? defaultSocket)(this.options.url ?? eventsUrl());
    } catch {
      // The browser refused the URL or the connection outright: handled like any abnormal close (retry).
      this.closed(ABNORMAL_CLOSE);
      return;
    }
    this.socket = socket;
    this.setState('connecting');
    socket.onopen = () => {
      const guestToken = this.options.guestToken?.() ?? null;
      if (guestToken !== null) socket.send(JSON.stringify({ type: 'guest', guestToken } satisfies ClientPageFrame));
    };
    socket.onmessage = (event) => this.onMessage(event.data);
    socket.onclose = (event) => {
      if (this.socket === socket) this.closed(event.code);
    };
  }

  private onMessage(data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      return; // not ours to fix; the next good frame still counts
    }
    const parsed = ServerPageFrameSchema.safeParse(json);
    if (!parsed.success) return;
    const frame = parsed.data;
    switch (frame.type) {
      case 'stream':
        this.latest = frame.stream;
        if (this.current !== 'up') {
          this.attempt = 0;
          this.setState('up');
        }
        this.events.emit('stream', frame.stream);
        return;
      case 'guest':
        this.events.emit('guest', frame.state);
        return;
      case 'error':
        return; // a final close follows any error that matters
    }
  }

  private closed(code: number): void {
    this.socket = null;
    this.latest = null;
    this.setState('down');
    if (PAGE_EVENTS_FINAL_CLOSES.has(code)) this.running = false;
    if (!this.running) return;
    const delay = this.retryMs[Math.min(this.attempt++, this.retryMs.length - 1)]!;
    this.retry = this.timers.set(() => {
      this.retry = undefined;
      if (this.running) this.open();
    }, delay);
  }

  private setState(state: ChannelState): void {
    if (state === this.current) return;
    this.current = state;
    this.events.emit('state', state);
  }
}
