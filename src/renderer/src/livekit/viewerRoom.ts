import { type DisconnectReason, Room, RoomEvent, type RemoteParticipant, type RemoteTrack, type RemoteTrackPublication } from 'livekit-client';
import { TypedEmitter } from './typedEmitter';
import { leftReason, snapshotParticipant } from './participantSnapshot';
import type { ViewerDisconnectReason, ViewerParticipant } from './viewerTypes';

/** Events a {@link ViewerRoom} emits; each carries plain data, never a livekit-client object. */
export enum ViewerRoomEvent {
  /** The remote participants or their tracks changed (join, leave, publish, mute, subscribe). */
  Participants = 'participants',
  /** Room metadata changed: the program layout and title travel here. */
  Metadata = 'metadata',
  /** Signal or media is being re-established; the program may freeze meanwhile. */
  Reconnecting = 'reconnecting',
  Reconnected = 'reconnected',
  /** The room is gone for this viewer; `reason` decides between "ended" and trying again. */
  Disconnected = 'disconnected',
  /** The browser refused to start audio (or video) without a click. */
  PlaybackBlocked = 'playbackBlocked',
}

/** Callback signatures for {@link ViewerRoomEvent}. */
export interface ViewerRoomCallbacks {
  [ViewerRoomEvent.Participants]: (participants: ViewerParticipant[]) => void;
  [ViewerRoomEvent.Metadata]: (metadata: string | undefined) => void;
  [ViewerRoomEvent.Reconnecting]: () => void;
  [ViewerRoomEvent.Reconnected]: () => void;
  [ViewerRoomEvent.Disconnected]: (reason: ViewerDisconnectReason) => void;
  [ViewerRoomEvent.PlaybackBlocked]: (blocked: boolean) => void;
}

/**
 * A subscribe-only connection to the program room for the viewer page. It turns LiveKit's room
 * events into a few typed events carrying plain snapshots, so the page's state lives in one store
 * and React never touches livekit-client. Media elements are attached through {@link attach}.
 */
export class ViewerRoom extends TypedEmitter<ViewerRoomCallbacks> {
  private readonly room: Room;
  /** Per track sid, how many times it has been subscribed (see ViewerTrack.subscription). */
  private readonly subscriptions = new Map<string, number>();
  private closedByUs = false;

  constructor() {
    super();
    // adaptiveStream: LiveKit sends each video at the size it is shown and pauses hidden ones,
    // which matters on phones. Viewers never publish, so dynacast does not apply.
    this.room = new Room({ adaptiveStream: true, dynacast: false });
    this.wire();
  }

  /** Joins the room. Rejects if the first connection fails (the caller asks for a new token). */
  async connect(url: string, token: string): Promise<void> {
    await this.room.connect(url, token, { autoSubscribe: true });
    this.emitParticipants();
    this.emit(ViewerRoomEvent.Metadata, this.room.metadata);
    this.emitPlayback();
  }

  /** Leaves the room; no Disconnected event follows for a leave we asked for. */
  async disconnect(): Promise<void> {
    this.closedByUs = true;
    await this.room.disconnect();
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

  private findTrack(trackSid: string): RemoteTrack | undefined {
    for (const participant of this.room.remoteParticipants.values()) {
      const track = participant.getTrackPublicationBySid(trackSid)?.track;
      if (track) return track;
    }
    return undefined;
  }

  private wire(): void {
    const changed = (): void => this.emitParticipants();
    this.room
      .on(RoomEvent.ParticipantConnected, changed)
      .on(RoomEvent.ParticipantDisconnected, changed)
      .on(RoomEvent.ParticipantAttributesChanged, changed)
      .on(RoomEvent.ParticipantNameChanged, changed)
      .on(RoomEvent.TrackPublished, changed)
      .on(RoomEvent.TrackUnpublished, changed)
      .on(RoomEvent.TrackMuted, changed)
      .on(RoomEvent.TrackUnmuted, changed)
      .on(RoomEvent.TrackSubscribed, (_track: RemoteTrack, publication: RemoteTrackPublication) => {
        this.subscriptions.set(publication.trackSid, (this.subscriptions.get(publication.trackSid) ?? 0) + 1);
        changed();
      })
      .on(RoomEvent.TrackUnsubscribed, changed)
      .on(RoomEvent.RoomMetadataChanged, (metadata: string) => this.emit(ViewerRoomEvent.Metadata, metadata))
      .on(RoomEvent.Reconnecting, () => this.emit(ViewerRoomEvent.Reconnecting))
      .on(RoomEvent.SignalReconnecting, () => this.emit(ViewerRoomEvent.Reconnecting))
      .on(RoomEvent.Reconnected, () => {
        this.emit(ViewerRoomEvent.Reconnected);
        this.emitParticipants();
      })
      .on(RoomEvent.AudioPlaybackStatusChanged, () => this.emitPlayback())
      .on(RoomEvent.VideoPlaybackStatusChanged, () => this.emitPlayback())
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        if (this.closedByUs) return;
        this.emit(ViewerRoomEvent.Disconnected, leftReason(reason));
      });
  }

  private emitPlayback(): void {
    this.emit(ViewerRoomEvent.PlaybackBlocked, !this.room.canPlaybackAudio || !this.room.canPlaybackVideo);
  }

  private emitParticipants(): void {
    this.emit(
      ViewerRoomEvent.Participants,
      [...this.room.remoteParticipants.values()].map((p) => this.snapshot(p)),
    );
  }

  private snapshot(participant: RemoteParticipant): ViewerParticipant {
    return snapshotParticipant(participant, this.subscriptions);
  }
}
