import type { GuestSessionResponse } from '../../../shared/contract/httpRoutes';
import { PageEventsClient, type PushChannel } from '../api/pageEventsClient';
import { browserTimers, PushFallback, type Timers } from '../api/pushFallback';
import { createGuestApi, UNREACHABLE, type GuestApi } from './guestApi';
import { clearGuestToken, loadGuestToken, saveGuestToken } from './guestToken';
import { inviteCodeFromPath } from './inviteLink';
import { DeviceCheck } from './deviceCheck';
import { useGuest } from './guestStore';
import { StageConnection } from './stageConnection';

/** Session states in which the page keeps the device check open (preview, meter, pickers). */
const PREVIEW_STATES: ReadonlySet<GuestSessionResponse['state']> = new Set(['waiting_for_stream', 'joined', 'requested', 'backstage']);

/** The network the controller uses besides the guest routes; tests substitute it. */
export interface GuestControllerDeps {
  createChannel?: (guestToken: () => string | null) => PushChannel;
  timers?: Timers;
}

/**
 * The guest page's side effects in one place: the invite check, redeeming, following the
 * session, and steering the device check and the room connection from what the session says.
 * The session is re-read when the page events socket says this guest's state changed, and
 * polled with back-off only while that socket is down. Components read the store and call
 * these methods; nothing here renders.
 */
export class GuestController {
  readonly devices = new DeviceCheck();
  readonly stage: StageConnection;
  private code: string | null = null;
  private guestToken: string | null = null;
  private stopped = false;
  private readonly channel: PushChannel;
  private readonly fallback: PushFallback;

  constructor(
    private readonly api: GuestApi = createGuestApi(),
    deps: GuestControllerDeps = {},
  ) {
    this.stage = new StageConnection(this.devices);
    this.stage.on('removedFromRoom', () => void this.pollNow());
    this.stage.on('elsewhere', () => {
      this.stopFollowing();
      this.devices.stop();
      useGuest.setState({ phase: { kind: 'elsewhere' } });
    });
    // The grant and the session travel on different channels: whichever comes second publishes.
    this.stage.on('grantChanged', () => {
      const session = useGuest.getState().session;
      if (session && !this.stopped) void this.stage.sync(session).then(() => this.afterSync());
    });
    const guestToken = (): string | null => this.guestToken;
    this.channel = deps.createChannel?.(guestToken) ?? new PageEventsClient({ guestToken });
    this.channel.on('state', (state) => {
      if (state !== 'connecting') this.fallback.setChannel(state === 'up');
    });
    // The push says only that something changed; the session route has the token to match.
    this.channel.on('guest', () => this.fallback.changed());
    this.fallback = new PushFallback(() => void this.pollNow(), deps.timers ?? browserTimers);
  }

  /** Reads the code from the address, then resumes a stored session or checks the invite. */
  async start(pathname = location.pathname): Promise<void> {
    this.stopped = false;
    this.code = inviteCodeFromPath(pathname);
    if (!this.code) {
      useGuest.setState({ phase: { kind: 'refused', reason: 'unknown' } });
      return;
    }
    useGuest.setState({ phase: { kind: 'checking' } });
    const stored = loadGuestToken(this.code);
    if (stored) {
      const answer = await this.api.session(stored);
      if (answer.ok) {
        this.guestToken = stored;
        useGuest.setState({ phase: { kind: 'session' } });
        this.applySession(answer.value);
        this.follow();
        return;
      }
      if (answer.code === UNREACHABLE) {
        useGuest.setState({ phase: { kind: 'unavailable', message: answer.message } });
        return;
      }
      // The server no longer knows this token (restarted, expired): start from the invite.
      clearGuestToken(this.code);
    }
    await this.checkInvite(this.code);
  }

  private async checkInvite(code: string): Promise<void> {
    const answer = await this.api.check(code);
    if (!answer.ok) {
      useGuest.setState({ phase: { kind: 'unavailable', message: answer.message } });
      return;
    }
    if (answer.value.status === 'refused') {
      useGuest.setState({ phase: { kind: 'refused', reason: answer.value.reason } });
      return;
    }
    const { role, label, title, raisedHand } = answer.value;
    useGuest.setState({ phase: { kind: 'invited', role, label, title, raisedHand } });
    // Moderators go to the console and need no camera.
    if (role === 'guest') void this.devices.start();
  }

  /**
   * "Request to join": uses the invite with the guest's name, then files the stage request at
   * once. Before the show starts the server may not take requests; the page then keeps the wish
   * and sends it when the stream is live.
   */
  async join(name: string): Promise<void> {
    if (!this.code || useGuest.getState().busy) return;
    useGuest.setState({ busy: 'joining', actionError: null });
    const answer = await this.api.redeem(this.code, name);
    useGuest.setState({ busy: null });
    if (!answer.ok) {
      useGuest.setState({ actionError: answer.message });
      return;
    }
    const value = answer.value;
    if (value.status === 'refused') {
      this.devices.stop();
      useGuest.setState({ phase: { kind: 'refused', reason: value.reason } });
      return;
    }
    if (value.role === 'moderator') {
      this.devices.stop();
      useGuest.setState({ phase: { kind: 'redirecting' } });
      location.assign(value.consoleUrl);
      return;
    }
    this.guestToken = value.guestToken;
    saveGuestToken(this.code, value.guestToken);
    useGuest.setState({ phase: { kind: 'session' } });
    this.follow();
    await this.pollNow();
    await this.request();
  }

  /** Asks to join the stage with the devices that work in the device check. */
  async request(): Promise<void> {
    const token = this.guestToken;
    const { busy, devices, session } = useGuest.getState();
    if (!token || busy) return;
    useGuest.setState({ busy: 'requesting', actionError: null });
    const answer = await this.api.request(token, { camera: devices.cameraId !== null, microphone: devices.microphoneId !== null });
    useGuest.setState({ busy: null });
    if (answer.ok) {
      useGuest.setState({ requestPending: false });
    } else if (session?.state === 'waiting_for_stream' && answer.code !== UNREACHABLE) {
      useGuest.setState({ requestPending: true });
    } else {
      useGuest.setState({ requestPending: false, actionError: answer.message });
    }
    await this.pollNow();
  }

  /** Takes the request back, or leaves the stage. */
  async withdraw(): Promise<void> {
    const token = this.guestToken;
    if (!token || useGuest.getState().busy) return;
    useGuest.setState({ busy: 'withdrawing', actionError: null, requestPending: false });
    const answer = await this.api.withdraw(token);
    useGuest.setState({ busy: null, actionError: answer.ok ? null : answer.message });
    await this.pollNow();
  }

  /** After "unavailable": try the first contact again. */
  retry(): void {
    void this.start();
  }

  /** The tab is going away: leave the room so the host sees it at once. */
  stop(): void {
    this.stopped = true;
    this.stopFollowing();
    void this.stage.leave();
    this.devices.stop();
  }

  /** Opens the push channel (it sends the guest token) and waits for news. */
  private follow(): void {
    if (this.stopped || useGuest.getState().session?.state === 'removed') return;
    this.channel.start();
    this.fallback.waitForChange();
  }

  private stopFollowing(): void {
    this.fallback.idle();
    this.channel.stop();
  }

  /** Reads the session now (after a push, an action or a disconnect), then waits for the next change. */
  async pollNow(): Promise<void> {
    const token = this.guestToken;
    if (!token || this.stopped) return;
    const answer = await this.api.session(token);
    if (token !== this.guestToken || this.stopped) return;
    if (answer.ok) {
      useGuest.setState({ connectionError: null });
      this.applySession(answer.value);
    } else {
      useGuest.setState({ connectionError: answer.message });
    }
    // Removed is final for this stream: nothing more to hear.
    if (useGuest.getState().session?.state === 'removed') this.stopFollowing();
    else this.fallback.waitForChange();
  }

  private applySession(session: GuestSessionResponse): void {
    useGuest.setState({ session });
    if (session.state === 'removed' || session.state === 'rejected') useGuest.setState({ requestPending: false });
    const { requestPending, busy } = useGuest.getState();
    if (requestPending && session.state === 'joined' && !busy) void this.request();
    // Joining the room can take a while; the page goes on following the session meanwhile.
    void this.stage.sync(session).then(() => this.afterSync());
  }

  /**
   * After the connection matches the session: leaving the stage drops the publishing
   * connection, and only then may the preview take the devices back.
   */
  private afterSync(): void {
    const state = useGuest.getState().session?.state;
    if (!state || this.stopped) return;
    if (PREVIEW_STATES.has(state) && !this.stage.publishing) {
      if (useGuest.getState().devices.status === 'idle') void this.devices.start();
    } else if (state !== 'stage') {
      this.devices.stop();
    }
  }
}
