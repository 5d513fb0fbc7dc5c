import type { GuestSessionResponse } from '../../../shared/contract/httpRoutes';
import { parseRoomMetadata } from '../../../shared/domain/program';
import { Emitter, type EventArgs } from '../../../shared/emitter';
import { GuestRoom } from '../livekit/guestRoom';
import { logger } from '../logging/logger';
import type { ViewerDisconnectReason } from '../livekit/viewerTypes';
import { planConnection, shouldPublish, type HeldConnection } from './connectionPlan';
import type { DeviceCheck } from './deviceCheck';
import { NO_ROOM, patchRoom, useGuest } from './guestStore';
import { describeMediaError } from './mediaErrors';

/** What the connection tells its owner about, beyond the store. */
export interface StageConnectionEvents {
  /** The server dropped us from the room (kick, revoke): time to ask the session why. */
  removedFromRoom: void;
  /** The same identity joined elsewhere. */
  elsewhere: void;
  /** The server granted or revoked publishing on our connection: time to sync with the session again. */
  grantChanged: void;
}

const NOT_CONNECTED: HeldConnection = { connected: false, canPublish: null, roomName: null, removedWhile: null };

/**
 * The guest's room connection, kept in line with the session: one connection for the whole show,
 * subscribe-only while waiting; the server grants camera and mic on that same connection when the
 * guest is approved (and revokes them backstage, unpublishing our tracks), and the camera and mic
 * are published with the devices from the device check once both the session and the grant agree.
 */
export class StageConnection {
  private room: GuestRoom | null = null;
  private held: HeldConnection = NOT_CONNECTED;
  /** The room we already published on, so a failed publish is not retried on every session read. */
  private publishedOn: GuestRoom | null = null;
  /** The newest session answer not yet applied; older ones are skipped (a slow connect must not queue reads up). */
  private next: GuestSessionResponse | null = null;
  /** The running sync loop, if any: one at a time, so reads and events never open two rooms. */
  private running: Promise<void> | null = null;
  /** The state of the last session answer, remembered for a removal (see HeldConnection). */
  private lastState: GuestSessionResponse['state'] | null = null;

  private readonly events = new Emitter<StageConnectionEvents>();

  constructor(private readonly devices: DeviceCheck) {}

  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends keyof StageConnectionEvents>(event: E, listener: (...args: EventArgs<StageConnectionEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }

  /** Camera and mic are (being) published on the current room. */
  get publishing(): boolean {
    return this.room !== null && this.publishedOn === this.room;
  }

  /**
   * Brings the connection in line with a session answer. Resolves once the newest answer is
   * applied; callers need not wait (the page keeps following the session while a connect is under way).
   */
  sync(session: GuestSessionResponse): Promise<void> {
    this.next = session;
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.next) {
      const session = this.next;
      this.next = null;
      await this.syncNow(session).catch((error: unknown) => logger.warn('Could not bring the stage connection up to date', error));
    }
  }

  private async syncNow(session: GuestSessionResponse): Promise<void> {
    this.lastState = session.state;
    if (this.held.removedWhile !== null && this.held.removedWhile !== session.state) this.held = { ...this.held, removedWhile: null };
    const action = planConnection(session, this.held);
    if (action === 'disconnect') await this.leave();
    if (action === 'connect' && session.livekit) await this.connect(session.livekit);
    if (shouldPublish(session, this.held) && this.room && this.publishedOn !== this.room) await this.publish(this.room);
  }

  private async connect(ticket: NonNullable<GuestSessionResponse['livekit']>): Promise<void> {
    await this.leave();
    const room = new GuestRoom();
    this.room = room;
    const current = (): boolean => this.room === room;
    room.on('participants', (participants) => current() && patchRoom({ participants }));
    room.on('metadata', (raw) => current() && patchRoom({ metadata: parseRoomMetadata(raw) }));
    room.on('local', (local) => current() && useGuest.setState({ local }));
    room.on('playbackBlocked', (playbackBlocked) => current() && patchRoom({ playbackBlocked }));
    room.on('reconnecting', () => current() && patchRoom({ status: 'reconnecting' }));
    room.on('reconnected', () => current() && patchRoom({ status: 'connected' }));
    room.on('disconnected', (reason) => current() && this.onDisconnected(reason));
    room.on('publishGrant', (canPublish) => current() && this.onPublishGrant(canPublish));
    patchRoom({ status: 'connecting' });
    try {
      await room.connect(ticket.url, ticket.token);
    } catch (error) {
      logger.warn('Could not join the show room', error);
      if (!current()) return;
      this.room = null;
      this.held = NOT_CONNECTED;
      patchRoom(NO_ROOM);
      useGuest.setState({ connectionError: 'Could not join the show. Trying again…' });
      return;
    }
    if (!current()) return;
    // The grant the server gave this participant at join; later changes arrive as PublishGrant.
    this.held = { connected: true, canPublish: room.canPublish, roomName: ticket.roomName, removedWhile: null };
    patchRoom({ status: 'connected' });
  }

  private async publish(room: GuestRoom): Promise<void> {
    this.publishedOn = room;
    const { cameraId, microphoneId } = useGuest.getState().devices;
    // LiveKit opens the devices itself; release the preview's so a camera that cannot be
    // opened twice still works.
    this.devices.stop();
    useGuest.setState({ busy: 'publishing', actionError: null });
    try {
      await room.publish({ cameraId, microphoneId });
      useGuest.setState({ busy: null });
    } catch (error) {
      useGuest.setState({ busy: null, actionError: describeMediaError(error, cameraId ? 'camera' : 'microphone') });
    }
  }

  /** Leaves the room (page hide, removal, end of stream). */
  async leave(): Promise<void> {
    const room = this.room;
    this.room = null;
    this.held = { ...NOT_CONNECTED, removedWhile: this.held.removedWhile };
    this.publishedOn = null;
    patchRoom(NO_ROOM);
    useGuest.setState({ local: { camera: null, microphone: null } });
    if (room) await room.disconnect();
  }

  /**
   * The server changed what this connection may publish. A revoke has already unpublished our
   * tracks on the server's side; forgetting that we published lets a later grant publish again.
   */
  private onPublishGrant(canPublish: boolean): void {
    if (!this.held.connected || this.held.canPublish === canPublish) return;
    this.held = { ...this.held, canPublish };
    if (!canPublish) this.publishedOn = null;
    this.events.emit('grantChanged');
  }

  private onDisconnected(reason: ViewerDisconnectReason): void {
    this.room = null;
    this.held = { ...NOT_CONNECTED, removedWhile: reason === 'removed' ? this.lastState : null };
    this.publishedOn = null;
    patchRoom(NO_ROOM);
    useGuest.setState({ local: { camera: null, microphone: null } });
    if (reason === 'duplicate_identity') this.events.emit('elsewhere');
    else this.events.emit('removedFromRoom');
  }

  /** Mic on/off from the guest's own button (also un-mutes after a host mute). */
  async setMicrophone(enabled: boolean): Promise<void> {
    await this.toggle(() => this.room?.setMicrophoneEnabled(enabled), 'microphone');
  }

  /** Camera on/off from the guest's own button. */
  async setCamera(enabled: boolean): Promise<void> {
    await this.toggle(() => this.room?.setCameraEnabled(enabled), 'camera');
  }

  private async toggle(action: () => Promise<void> | undefined, kind: 'camera' | 'microphone'): Promise<void> {
    try {
      await action();
      useGuest.setState({ actionError: null });
    } catch (error) {
      useGuest.setState({ actionError: describeMediaError(error, kind) });
    }
  }

  /** Plays a remote track (program, stage guests); see GuestRoom.attach. */
  attach = (trackSid: string, element: HTMLMediaElement): (() => void) => this.room?.attach(trackSid, element) ?? (() => undefined);

  /** Shows our own published camera. */
  attachSelf = (element: HTMLVideoElement): (() => void) => this.room?.attachLocalCamera(element) ?? (() => undefined);

  /** "Click to unmute" after the browser blocked autoplay. */
  async startPlayback(): Promise<void> {
    await this.room?.startPlayback();
  }
}
