import { ChatClient, type ChatSocketLike } from '../../../../../shared/chatClient';
import { CHAT_CLOSE, type ClientChatFrame, type ServerChatFrameOf } from '../../../../../shared/contract/chatFrames';
import type { Reaction } from '../../../../../shared/domain/chat';
import { FrameBatcher } from '../frameBatcher';
import { renewDelay } from './chatTiming';
import { particlesFor, PARTICLE_MS } from './reactionBursts';
import { useViewerChat } from './viewerChatStore';
import { requestChatTicket, storeChatName, storedChatName } from './viewerChatToken';

/** Retry delays for getting a chat token, capped. */
/** Particles stay a little past their animation, so none is removed while still visible. */
const PARTICLE_LINGER_MS = 400;

const TICKET_RETRY_MS = [1_000, 2_000, 5_000, 10_000];

/** Words for chat errors a viewer can act on. */
const SEND_ERROR: Partial<Record<ServerChatFrameOf<'error'>['code'], string>> = {
  rate_limited: 'You are sending too fast; wait a moment.',
  slow_mode: 'Slow mode is on; wait a moment before sending again.',
  timed_out: 'You are timed out for now.',
  banned: 'You are banned from this chat.',
  stream_ended: 'The stream has ended.',
};

/**
 * The viewer chat's side effects, outside React: gets a chat token (the viewer's LiveKit token),
 * runs the shared ChatClient (resume, dedupe, reconnect), renews the token before it expires so
 * a reconnect never presents an expired one, and turns client events into store updates — message
 * list changes at most once per animation frame.
 */
export class ViewerChatController {
  private client: ChatClient | null = null;
  private token = '';
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private particleId = 1;
  /** Bumped on stop and on a name change, so answers to an older start are dropped. */
  private generation = 0;
  private readonly store = useViewerChat;
  private readonly listFlush = new FrameBatcher<void>(() => {
    if (this.client) this.store.getState().patch({ messages: this.client.messages.slice() });
  });
  name: string | undefined = storedChatName();

  /** Connects (the stream is live). Safe to call again: a running chat is left alone. */
  start(): void {
    if (this.client || this.retryTimer) return;
    const generation = ++this.generation;
    this.store.getState().patch({ status: 'connecting', problem: null });
    void this.connect(generation);
  }

  /** Disconnects (the stream ended or the page is going away). */
  stop(): void {
    this.generation += 1;
    clearTimeout(this.renewTimer);
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.listFlush.clear();
    this.client?.close();
    this.client = null;
    this.store.getState().reset();
  }

  /** Chats under a new name: a new token carries it, so the chat reconnects. */
  rename(name: string): void {
    this.name = name;
    storeChatName(name);
    const running = this.client !== null;
    this.stop();
    if (running) this.start();
  }

  async send(text: string): Promise<string | null> {
    if (!this.client) return 'Chat is not connected.';
    try {
      const ack = await this.client.send(text);
      const state = this.store.getState();
      const patch: Parameters<typeof state.patch>[0] = { problem: null };
      if (state.slowModeSeconds > 0) patch.nextSendAt = Date.now() + state.slowModeSeconds * 1000;
      patch.notice = ack.status === 'held' ? 'Your message is waiting for a moderator to approve it.' : null;
      state.patch(patch);
      return null;
    } catch (error) {
      const frame = error as ServerChatFrameOf<'error'>;
      if (frame.code === 'slow_mode' && frame.retryAfterMs) this.store.getState().patch({ nextSendAt: Date.now() + frame.retryAfterMs });
      return SEND_ERROR[frame.code] ?? frame.message;
    }
  }

  react(reaction: Reaction): void {
    this.client?.react(reaction);
  }

  async report(messageId: string, reason: string): Promise<string | null> {
    return this.act({ type: 'report', messageId, reason: reason || undefined });
  }

  private async act(frame: Exclude<ClientChatFrame, { type: 'send' | 'react' }>): Promise<string | null> {
    if (!this.client) return 'Chat is not connected.';
    try {
      await this.client.act(frame);
      return null;
    } catch (error) {
      return (error as ServerChatFrameOf<'error'>).message;
    }
  }

  private async connect(generation: number): Promise<void> {
    const ticket = await requestChatTicket(this.name);
    if (generation !== this.generation) return;
    if (ticket.kind !== 'live') {
      const problem = ticket.kind === 'failed' ? ticket.message : 'Chat opens when the stream is live.';
      this.store.getState().patch({ status: 'connecting', problem });
      const delay = TICKET_RETRY_MS[Math.min(this.failures++, TICKET_RETRY_MS.length - 1)]!;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (generation === this.generation) void this.connect(generation);
      }, delay);
      return;
    }
    this.failures = 0;
    this.token = ticket.token;
    this.scheduleRenewal(generation);
    this.open(generation);
  }

  private open(generation: number): void {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const client = new ChatClient({
      url: `${scheme}//${location.host}/chat`,
      // Every (re)connect presents the newest token; the client adds `since` for the resume.
      createSocket: (url) => {
        const target = new URL(url);
        target.searchParams.set('token', this.token);
        return new WebSocket(target) as unknown as ChatSocketLike;
      },
    });
    this.client = client;
    const current = () => generation === this.generation && this.client === client;
    const { patch } = this.store.getState();
    client.on('state', (state) => {
      if (current() && state !== 'closed') patch({ status: state });
    });
    client.on('welcome', (welcome) => {
      if (!current()) return;
      patch({
        you: welcome.you,
        pinned: welcome.pinned,
        highlight: welcome.highlight,
        slowModeSeconds: welcome.slowModeSeconds,
        timedOutUntil: welcome.timedOutUntil,
        problem: null,
      });
    });
    client.on('messages', () => current() && this.listFlush.push());
    client.on('pinned', (pinned) => current() && patch({ pinned }));
    client.on('highlight', (highlight) => current() && patch({ highlight }));
    client.on('gap', () => current() && patch({ gap: true }));
    client.on('notice', (notice) => {
      if (!current()) return;
      if (notice.kind === 'slow_mode') patch({ slowModeSeconds: notice.seconds ?? 0, nextSendAt: 0, notice: notice.message });
      else patch({ timedOutUntil: notice.until ?? null, notice: notice.message });
    });
    client.on('reactions', (counts) => current() && this.burst(counts));
    client.on('error', (frame) => current() && patch({ problem: SEND_ERROR[frame.code] ?? frame.message }));
    client.on('fatal', (close) => {
      if (!current()) return;
      this.client = null;
      // An expired or refused token is renewed once; a ban or a missing stream is final.
      if (close.code === CHAT_CLOSE.unauthorized) {
        patch({ status: 'reconnecting' });
        void this.connect(generation);
        return;
      }
      patch({
        status: 'closed',
        problem: close.reason === 'banned' ? 'You are banned from this chat.' : 'Chat is closed for this stream.',
      });
    });
    client.connect();
  }

  private scheduleRenewal(generation: number): void {
    clearTimeout(this.renewTimer);
    const delay = renewDelay(this.token, Date.now());
    if (delay === null) return;
    this.renewTimer = setTimeout(() => {
      void requestChatTicket(this.name).then((ticket) => {
        if (generation !== this.generation) return;
        if (ticket.kind === 'live') this.token = ticket.token;
        this.scheduleRenewal(generation);
      });
    }, delay);
  }

  private burst(counts: Record<string, number>): void {
    const fresh = particlesFor(counts, this.particleId);
    if (fresh.length === 0) return;
    this.particleId += fresh.length;
    const state = this.store.getState();
    state.addParticles(fresh);
    const ids = new Set(fresh.map((p) => p.id));
    setTimeout(() => this.store.getState().dropParticles(ids), PARTICLE_MS + PARTICLE_LINGER_MS);
  }
}

/** One controller per page, outside React, so StrictMode's double effects cannot open two sockets. */
export const viewerChat = new ViewerChatController();
