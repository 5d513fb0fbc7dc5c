import { type DisconnectReason, Room, RoomEvent, type RemoteTrack, type RemoteTrackPublication, type RoomOptions } from 'livekit-client';
import { Emitter, type EventArgs } from '../../../shared/emitter';
import { leftReason, snapshotParticipant } from './participantSnapshot';
import type { ViewerDisconnectReason, ViewerParticipant } from './viewerTypes';

/** Events both public pages' rooms emit, by name; each payload is plain data, never a livekit-client object. */
export interface PageRoomEvents {
  /** The remote participants or their tracks changed (join, leave, publish, mute, subscribe). */
  participants: ViewerParticipant[];
  /** Room metadata changed: the program layout, title and stage slots travel here. */
  metadata: string | undefined;
  /** Signal or media is being re-established; the program may freeze meanwhile. */
  reconnecting: void;
  reconnected: void;
  /** The room is gone for this page; the reason decides between "ended" and trying again. */
  disconnected: ViewerDisconnectReason;
  /** The browser refused to start playback without a click. */
  playbackBlocked: boolean;
}

/**
 * What the viewer and guest pages' rooms have in common: one livekit-client Room turned into a few
 * typed events carrying plain snapshots, so page state lives in a store and React never touches
 * livekit-client. Subclasses add their own events and wiring (mutes, local media, grants).
 */
export abstract class PageRoom<Events extends PageRoomEvents> {
  protected readonly room: Room;
  protected readonly events = new Emitter<Events>();
  /** Per track sid, how many times it has been subscribed (see ViewerTrack.subscription). */
  private readonly subscriptions = new Map<string, number>();
  private closedByUs = false;

  protected constructor(options: RoomOptions) {
    this.room = new Room(options);
    this.wireShared();
  }

  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends keyof Events>(event: E, listener: (...args: EventArgs<Events[E]>) => void): () => void {
    return this.events.on(event, listener);
  }

  /** Joins the room. Rejects if the first connection fails (the caller decides whether to retry). */
  async connect(url: string, token: string): Promise<void> {
    await this.room.connect(url, token, { autoSubscribe: true });
    this.emitParticipants();
    this.shared.emit('metadata', this.room.metadata);
    this.announceConnected();
    this.emitPlayback();
  }

  /** Leaves the room (stopping any local tracks); no Disconnected event follows for a leave we asked for. */
  async disconnect(): Promise<void> {
    this.closedByUs = true;
    await this.room.disconnect(true);
  }

  /**
   * Plays a subscribed remote track in `element` and returns the function that stops it. An
   * unknown or not-yet-subscribed sid attaches nothing; the page re-renders once it is.
   */
  attach(trackSid: string, element: HTMLMediaElement): () => void {
    const track = this.findTrack(trackSid);
    if (!track) return () => undefined;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }

  /** Starts audio and video after a click, when the browser blocked autoplay. */
  async startPlayback(): Promise<void> {
    await Promise.allSettled([this.room.startAudio(), this.room.startVideo()]);
    this.emitPlayback();
  }

  /** Whether the browser is holding back playback this page needs. */
  protected abstract isPlaybackBlocked(): boolean;

  /** Called right after connecting, before the playback state: subclasses announce their own state. */
  protected announceConnected(): void {}

  protected emitPlayback(): void {
    this.shared.emit('playbackBlocked', this.isPlaybackBlocked());
  }

  protected emitParticipants(): void {
    const participants = [...this.room.remoteParticipants.values()].map((p) => snapshotParticipant(p, this.subscriptions));
    this.shared.emit('participants', participants);
  }

  /**
   * The shared events, emitted by this class. `Events` extends PageRoomEvents, so these payloads
   * fit; the emitter's invariant listener map is why TypeScript needs to be told so.
   */
  private get shared(): Emitter<PageRoomEvents> {
    return this.events as unknown as Emitter<PageRoomEvents>;
  }

  private findTrack(trackSid: string): RemoteTrack | undefined {
    for (const participant of this.room.remoteParticipants.values()) {
      const track = participant.getTrackPublicationBySid(trackSid)?.track;
      if (track) return track;
    }
    return undefined;
  }

  private wireShared(): void {
    const changed = (): void => this.emitParticipants();
    this.room
      .on(RoomEvent.ParticipantConnected, changed)
      .on(RoomEvent.ParticipantDisconnected, changed)
      .on(RoomEvent.ParticipantAttributesChanged, changed)
      .on(RoomEvent.ParticipantNameChanged, changed)
      .on(RoomEvent.TrackPublished, changed)
      .on(RoomEvent.TrackUnpublished, changed)
      .on(RoomEvent.TrackSubscribed, (_track: RemoteTrack, publication: RemoteTrackPublication) => {
        this.subscriptions.set(publication.trackSid, (this.subscriptions.get(publication.trackSid) ?? 0) + 1);
        changed();
      })
      .on(RoomEvent.TrackUnsubscribed, changed)
      .on(RoomEvent.RoomMetadataChanged, (metadata: string) => this.shared.emit('metadata', metadata))
      .on(RoomEvent.Reconnecting, () => this.shared.emit('reconnecting'))
      .on(RoomEvent.SignalReconnecting, () => this.shared.emit('reconnecting'))
      .on(RoomEvent.Reconnected, () => {
        this.shared.emit('reconnected');
        this.emitParticipants();
      })
      .on(RoomEvent.AudioPlaybackStatusChanged, () => this.emitPlayback())
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        if (this.closedByUs) return;
        this.shared.emit('disconnected', leftReason(reason));
      });
  }
}
