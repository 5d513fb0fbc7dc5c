import { parseRoomMetadata } from '../../../shared/domain/program';
import { ViewerRoom, ViewerRoomEvent } from '../livekit/viewerRoom';
import type { ViewerDisconnectReason } from '../livekit/viewerTypes';
import { RAISE_HAND_PATH, RaiseHandResponseSchema } from '../../../shared/contract/httpRoutes';
import { postPublicRoute } from '../api/publicRoute';
import { useWatch } from './watchStore';
import { requestWatchToken, type LiveTicket } from './watchTokenClient';

/** How often to ask again while nothing is live: calm, but a viewer sees the start within seconds. */
const WAITING_POLL_MS = 3_000;
/** Retry delays after a failure (server unreachable, connect failed), capped. */
const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

/**
 * The one place where the viewer page's side effects live: asking for tokens, polling while
 * waiting, joining the room and turning its events into store updates. Components only read the
 * store and call the few methods here.
 */
export class WatchController {
  private room: ViewerRoom | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  /** Bumped on restart and stop, so answers to an older attempt are dropped. */
  private generation = 0;
  private readonly store = useWatch;
  /** The viewer token of the room we are in: it proves who raises a hand. */
  private token: string | null = null;

  /** Starts asking for the stream. */
  start(): void {
    void this.askForToken(this.generation);
  }

  /** After "ended": look for a stream again. */
  restart(): void {
    this.reset();
    this.store.getState().dispatch({ type: 'restart' });
    this.start();
  }

  /** Leaves the room and stops polling (page hide). */
  stop(): void {
    this.reset();
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
    clearTimeout(this.timer);
    this.failures = 0;
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

  private schedule(generation: number, delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.askForToken(generation), delay);
  }

  private retryDelay(): number {
    return RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)]!;
  }

  private async askForToken(generation: number): Promise<void> {
    const answer = await requestWatchToken();
    if (generation !== this.generation) return;
    const { dispatch } = this.store.getState();
    switch (answer.kind) {
      case 'waiting':
        this.failures = 0;
        dispatch({ type: 'token.waiting' });
        if (this.store.getState().phase.kind === 'waiting') this.schedule(generation, WAITING_POLL_MS);
        return;
      case 'failed':
        dispatch({ type: 'token.failed', message: answer.message });
        this.schedule(generation, this.retryDelay());
        return;
      case 'live':
        dispatch({ type: 'token.live' });
        if (this.store.getState().phase.kind === 'ended') return;
        await this.join(generation, answer.ticket);
        return;
    }
  }

  private async join(generation: number, ticket: LiveTicket): Promise<void> {
    const { setProgram } = this.store.getState();
    setProgram({ title: ticket.title, mode: ticket.mode, layout: ticket.layout, startedAt: ticket.startedAt, raisedHands: ticket.raisedHands });
    this.token = ticket.token;
    const room = new ViewerRoom();
    this.room = room;
    const current = (): boolean => generation === this.generation && this.room === room;
    room.on(ViewerRoomEvent.Participants, (participants) => current() && this.store.getState().setParticipants(participants));
    room.on(ViewerRoomEvent.Metadata, (raw) => {
      const metadata = parseRoomMetadata(raw);
      if (metadata && current()) this.store.getState().applyMetadata(metadata);
    });
    room.on(ViewerRoomEvent.PlaybackBlocked, (blocked) => current() && this.store.getState().setPlaybackBlocked(blocked));
    room.on(ViewerRoomEvent.Reconnecting, () => current() && this.store.getState().dispatch({ type: 'room.reconnecting' }));
    room.on(ViewerRoomEvent.Reconnected, () => current() && this.store.getState().dispatch({ type: 'room.reconnected' }));
    room.on(ViewerRoomEvent.Disconnected, (reason) => current() && this.onDisconnected(generation, reason));
    try {
      await room.connect(ticket.livekitUrl, ticket.token);
    } catch {
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
