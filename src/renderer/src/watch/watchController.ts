import { parseRoomMetadata } from '../../../shared/domain/program';
import type { PageStream } from '../../../shared/contract/pageEvents';
import { ViewerRoom } from '../livekit/viewerRoom';
import type { ViewerDisconnectReason } from '../livekit/viewerTypes';
import { RAISE_HAND_PATH, RaiseHandResponseSchema } from '../../../shared/contract/httpRoutes';
import { PageEventsClient, type ChannelState, type PushChannel } from '../api/pageEventsClient';
import { postPublicRoute } from '../pageKit/publicRoute';
import { browserTimers, PushFallback, type Timers } from '../api/pushFallback';
import { useWatch } from './watchStore';
import { requestWatchToken, type LiveTicket, type TokenAnswer } from '../pageKit/watchToken';
import { logger } from '../logging/logger';

/** Retry delays after a failure (server unreachable, connect failed), capped. */
const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

/** What the controller talks to; tests substitute the network. */
export interface WatchControllerDeps {
  requestToken?: () => Promise<TokenAnswer>;
  createChannel?: () => PushChannel;
  timers?: Timers;
}

/**
 * The one place where the viewer page's side effects live: following the page events socket,
 * asking for tokens, joining the room and turning its events into store updates. While the
 * socket is up the page asks for a token only when it says the stream is live; while it is down
 * the page polls with back-off. Components only read the store and call the few methods here.
 */
export class WatchController {
  private room: ViewerRoom | null = null;
  private timer: unknown = undefined;
  private failures = 0;
  /** Bumped on restart and stop, so answers to an older attempt are dropped. */
  private generation = 0;
  private readonly store = useWatch;
  /** The viewer token of the room we are in: it proves who raises a hand. */
  private token: string | null = null;
  private readonly channel: PushChannel;
  private readonly fallback: PushFallback;
  private readonly requestToken: () => Promise<TokenAnswer>;
  private readonly timers: Timers;
  /** A token request is on its way; a push meanwhile asks for another once it is back. */
  private asking = false;
  private askAgain = false;

  constructor(deps: WatchControllerDeps = {}) {
    this.requestToken = deps.requestToken ?? (() => requestWatchToken());
    this.timers = deps.timers ?? browserTimers;
    this.channel = deps.createChannel?.() ?? new PageEventsClient();
    this.channel.on('state', (state) => this.onChannel(state));
    this.channel.on('stream', (stream) => this.onStream(stream));
    this.fallback = new PushFallback(() => void this.askForToken(this.generation), this.timers);
  }

  /** Follows the stream: through the push channel, or by asking when it is not there. */
  start(): void {
    this.channel.start();
    this.check(this.generation);
  }

  /** After "ended": look for a stream again. */
  restart(): void {
    this.reset();
    this.store.getState().dispatch({ type: 'restart' });
    this.start();
  }

  /** Leaves the room, closes the channel and stops polling (page hide). */
  stop(): void {
    this.reset();
    this.channel.stop();
  }

  /** "Click to unmute": a user gesture lets the browser start audio. */
  async unmute(): Promise<void> {
    await this.room?.startPlayback();
  }

  /**
   * Raises a hand: the server answers with a single-use guest link for this viewer, and the page
   * goes there for the device check (the same path an invited guest takes into the queue).
   */
  async raiseHand(name: string, go: (link: string) => void = (link) => location.assign(link)): Promise<void> {
    const { hand, setHand } = this.store.getState();
    if (!this.token || hand.kind === 'sending' || hand.kind === 'sent') return;
    setHand({ kind: 'sending' });
    const answer = await postPublicRoute(RAISE_HAND_PATH, { token: this.token, name }, RaiseHandResponseSchema);
    if (!answer.ok) {
      setHand({ kind: 'failed', message: answer.message });
      return;
    }
    setHand({ kind: 'sent' });
    go(answer.value.link);
  }

  /** Plays a remote track in an element; see ViewerRoom.attach. */
  attach = (trackSid: string, element: HTMLMediaElement): (() => void) => this.room?.attach(trackSid, element) ?? (() => undefined);

  private reset(): void {
    this.generation++;
    this.timers.clear(this.timer);
    this.timer = undefined;
    this.failures = 0;
    this.fallback.idle();
    this.dropRoom();
  }

  private dropRoom(): void {
    const room = this.room;
    this.room = null;
    this.token = null;
    if (room) void room.disconnect();
    this.store.getState().setParticipants([]);
    this.store.getState().setPlaybackBlocked(false);
  }

  /** What to do from 'checking': use the channel's word, wait for it, or ask the token route. */
  private check(generation: number): void {
    const stream = this.channel.stream;
    if (stream) this.onStream(stream);
    else if (this.channel.state === 'down') void this.askForToken(generation);
    // Connecting: the first frame or the failure to connect decides; a handshake that hangs
    // gets the first fallback read (1 s) rather than a page stuck on "checking".
    else this.fallback.waitForChange();
  }

  private onChannel(state: ChannelState): void {
    if (state === 'up') this.fallback.setChannel(true);
    if (state !== 'down') return;
    this.fallback.setChannel(false);
    // The channel never came up for a page still checking: ask once, then poll with back-off.
    if (this.store.getState().phase.kind === 'checking') void this.askForToken(this.generation);
  }

  private onStream(stream: PageStream): void {
    const { phase, dispatch } = this.store.getState();
    if (stream.status === 'live') {
      // Ask for a viewer token the moment the stream goes live (a room we have needs nothing).
      if (phase.kind === 'checking' || phase.kind === 'waiting' || phase.kind === 'unavailable') {
        this.timers.clear(this.timer);
        this.timer = undefined;
        this.fallback.changed();
      }
      return;
    }
    if (phase.kind === 'ended') return;
    // 'waiting' only comes first on a (re)connect; for a page that had the stream it means ended too.
    const hadStream = phase.kind === 'live' || phase.kind === 'reconnecting' || phase.kind === 'connecting';
    dispatch(stream.status === 'ended' || hadStream ? { type: 'stream.ended' } : { type: 'token.waiting' });
    if (this.store.getState().phase.kind === 'ended') {
      this.fallback.idle();
      this.dropRoom();
    } else {
      this.fallback.waitForChange();
    }
  }

  private schedule(generation: number, delay: number): void {
    this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      void this.askForToken(generation);
    }, delay);
  }

  private retryDelay(): number {
    return RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)]!;
  }

  private async askForToken(generation: number): Promise<void> {
    if (this.asking) {
      this.askAgain = true;
      return;
    }
    this.asking = true;
    let answer: TokenAnswer;
    try {
      answer = await this.requestToken();
    } finally {
      this.asking = false;
    }
    if (this.askAgain) {
      // A push arrived while this answer was on its way; it may already be out of date.
      this.askAgain = false;
      if (answer.kind !== 'live' || generation !== this.generation) {
        void this.askForToken(this.generation);
        return;
      }
    }
    if (generation !== this.generation) return;
    const { dispatch } = this.store.getState();
    switch (answer.kind) {
      case 'waiting':
        this.failures = 0;
        dispatch({ type: 'token.waiting' });
        // Polls only while the channel is down; otherwise its 'live' push brings us back here.
        if (this.store.getState().phase.kind === 'waiting') this.fallback.waitForChange();
        return;
      case 'failed':
        dispatch({ type: 'token.failed', message: answer.message });
        this.schedule(generation, this.retryDelay());
        return;
      case 'live':
        this.fallback.idle();
        dispatch({ type: 'token.live' });
        if (this.store.getState().phase.kind === 'ended') return;
        await this.join(generation, answer.ticket);
        return;
    }
  }

  private async join(generation: number, ticket: LiveTicket): Promise<void> {
    const { setProgram } = this.store.getState();
    setProgram({
      title: ticket.title,
      mode: ticket.mode,
      layout: ticket.layout,
      startedAt: ticket.startedAt,
      raisedHands: ticket.raisedHands,
    });
    this.token = ticket.token;
    const room = new ViewerRoom();
    this.room = room;
    const current = (): boolean => generation === this.generation && this.room === room;
    room.on('participants', (participants) => current() && this.store.getState().setParticipants(participants));
    room.on('metadata', (raw) => {
      const metadata = parseRoomMetadata(raw);
      if (metadata && current()) this.store.getState().applyMetadata(metadata);
    });
    room.on('playbackBlocked', (blocked) => current() && this.store.getState().setPlaybackBlocked(blocked));
    room.on('reconnecting', () => current() && this.store.getState().dispatch({ type: 'room.reconnecting' }));
    room.on('reconnected', () => current() && this.store.getState().dispatch({ type: 'room.reconnected' }));
    room.on('disconnected', (reason) => current() && this.onDisconnected(generation, reason));
    try {
      await room.connect(ticket.livekitUrl, ticket.token);
    } catch (error) {
      logger.warn('Could not join the program room', error);
      if (current()) this.onDisconnected(generation, 'lost');
      return;
    }
    if (!current()) return;
    this.failures = 0;
    this.store.getState().dispatch({ type: 'room.connected' });
  }

  private onDisconnected(generation: number, reason: ViewerDisconnectReason): void {
    this.store.getState().dispatch({ type: 'room.disconnected', reason });
    this.dropRoom();
    // LiveKit gave up on this connection (or never had it): a fresh token tells us whether the
    // stream is still live, and "nothing live" then reads as "ended".
    if (reason === 'lost') this.schedule(generation, this.retryDelay());
  }
}
