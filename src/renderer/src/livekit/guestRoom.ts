import {
  type DisconnectReason,
  Room,
  RoomEvent,
  Track,
  type LocalTrackPublication,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
  type TrackPublication,
} from 'livekit-client';
import { TypedEmitter } from './typedEmitter';
import { leftReason, snapshotParticipant, type GuestLocalMedia } from './guestSnapshots';
import type { ViewerDisconnectReason, ViewerParticipant } from './viewerTypes';

/** Events a {@link GuestRoom} emits; each carries plain data, never a livekit-client object. */
export enum GuestRoomEvent {
  /** Remote participants or their tracks changed: the program and the stage grid follow. */
  Participants = 'participants',
  /** Room metadata changed (program layout, stage slots). */
  Metadata = 'metadata',
  /** Our own camera and mic: published, muted (also when the host muted them). */
  Local = 'local',
  Reconnecting = 'reconnecting',
  Reconnected = 'reconnected',
  /** The room is gone for this guest: removed by the host, the stream ended, or the link died. */
  Disconnected = 'disconnected',
  /** The browser refused to start audio without a click. */
  PlaybackBlocked = 'playbackBlocked',
  /** The server changed our publish grant on this connection (approved onto the stage, moved back). */
  PublishGrant = 'publishGrant',
}

/** Callback signatures for {@link GuestRoomEvent}. */
export interface GuestRoomCallbacks {
  [GuestRoomEvent.Participants]: (participants: ViewerParticipant[]) => void;
  [GuestRoomEvent.Metadata]: (metadata: string | undefined) => void;
  [GuestRoomEvent.Local]: (local: GuestLocalMedia) => void;
  [GuestRoomEvent.Reconnecting]: () => void;
  [GuestRoomEvent.Reconnected]: () => void;
  [GuestRoomEvent.Disconnected]: (reason: ViewerDisconnectReason) => void;
  [GuestRoomEvent.PlaybackBlocked]: (blocked: boolean) => void;
  [GuestRoomEvent.PublishGrant]: (canPublish: boolean) => void;
}

/** Devices chosen in the device check; null means "join without it". */
export interface GuestDevices {
  cameraId: string | null;
  microphoneId: string | null;
}

/**
 * The guest page's one connection to the program room, kept for the whole show. While waiting
 * the server only lets it subscribe; approval onto the stage grants camera and mic on this same
 * connection (RoomService UpdateParticipant → ParticipantPermissionsChanged), and
 * {@link publish} then sends them with the devices picked in the device check. Moving backstage
 * revokes the grant in place and the server unpublishes our tracks. A host mute arrives as MutePublishedTrack: livekit-client
 * mutes our track itself and we report it as `mutedByHost`.
 */
export class GuestRoom extends TypedEmitter<GuestRoomCallbacks> {
  private readonly room = new Room({ adaptiveStream: true, dynacast: true });
  private readonly subscriptions = new Map<string, number>();
  /** Sources we are muting or unmuting ourselves, so a mute that is not ours reads as the host's. */
  private readonly selfChanging = new Set<Track.Source>();
  private readonly mutedByHost = new Set<Track.Source>();
  private closedByUs = false;

  constructor() {
    super();
    this.wire();
  }

  /** Joins with a token from the guest session; rejects when the first connection fails. */
  async connect(url: string, token: string): Promise<void> {
    await this.room.connect(url, token, { autoSubscribe: true });
    this.emitParticipants();
    this.emit(GuestRoomEvent.Metadata, this.room.metadata);
    this.emitLocal();
    this.emitPlayback();
  }

  /** Leaves the room (and stops our camera and mic); no Disconnected event for a leave we asked for. */
  async disconnect(): Promise<void> {
    this.closedByUs = true;
    await this.room.disconnect(true);
  }

  /** Whether the server granted publishing to this connection. */
  get canPublish(): boolean {
    return this.room.localParticipant.permissions?.canPublish ?? false;
  }

  /**
   * Goes on air with the chosen devices. Camera and mic are independent: a guest without a
   * camera still publishes the mic. Rejects with the browser's error when a device fails.
   */
  async publish(devices: GuestDevices): Promise<void> {
    const participant = this.room.localParticipant;
    const jobs: Promise<unknown>[] = [];
    if (devices.microphoneId !== null) jobs.push(participant.setMicrophoneEnabled(true, { deviceId: devices.microphoneId }));
    if (devices.cameraId !== null) jobs.push(participant.setCameraEnabled(true, { deviceId: devices.cameraId }));
    try {
      await Promise.all(jobs);
    } finally {
      this.emitLocal();
    }
  }

  /** Mic on or off by the guest (mutes the publication, so viewers see it muted). */
  setMicrophoneEnabled(enabled: boolean): Promise<void> {
    return this.setSource(Track.Source.Microphone, enabled);
  }

  /** Camera on or off by the guest. */
  setCameraEnabled(enabled: boolean): Promise<void> {
    return this.setSource(Track.Source.Camera, enabled);
  }

  private async setSource(source: Track.Source, enabled: boolean): Promise<void> {
    this.selfChanging.add(source);
    try {
      const participant = this.room.localParticipant;
      if (source === Track.Source.Microphone) await participant.setMicrophoneEnabled(enabled);
      else await participant.setCameraEnabled(enabled);
      this.mutedByHost.delete(source);
    } finally {
      this.selfChanging.delete(source);
      this.emitLocal();
    }
  }

  /** Plays a subscribed remote track in `element`; returns the function that stops it. */
  attach(trackSid: string, element: HTMLMediaElement): () => void {
    let track: RemoteTrack | undefined;
    for (const participant of this.room.remoteParticipants.values()) {
      track = participant.getTrackPublicationBySid(trackSid)?.track ?? track;
    }
    if (!track) return () => undefined;
    const found = track;
    found.attach(element);
    return () => {
      found.detach(element);
    };
  }

  /** Shows our own published camera in `element` (the "you're live" preview). */
  attachLocalCamera(element: HTMLVideoElement): () => void {
    const track = this.room.localParticipant.getTrackPublication(Track.Source.Camera)?.track;
    if (!track) return () => undefined;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }

  /** Starts audio after a click when the browser blocked autoplay. */
  async startPlayback(): Promise<void> {
    await Promise.allSettled([this.room.startAudio(), this.room.startVideo()]);
    this.emitPlayback();
  }

  private wire(): void {
    const changed = (): void => this.emitParticipants();
    const localChanged = (publication: TrackPublication, muted: boolean): void => {
      if (!this.isLocal(publication)) return changed();
      // A mute we did not ask for came from the server: MutePublishedTrack by the host.
      if (muted && !this.selfChanging.has(publication.source)) this.mutedByHost.add(publication.source);
      if (!muted) this.mutedByHost.delete(publication.source);
      this.emitLocal();
    };
    this.room
      .on(RoomEvent.ParticipantConnected, changed)
      .on(RoomEvent.ParticipantDisconnected, changed)
      .on(RoomEvent.ParticipantNameChanged, changed)
      .on(RoomEvent.ParticipantAttributesChanged, changed)
      .on(RoomEvent.TrackPublished, changed)
      .on(RoomEvent.TrackUnpublished, changed)
      .on(RoomEvent.TrackSubscribed, (_track: RemoteTrack, publication: RemoteTrackPublication) => {
        this.subscriptions.set(publication.trackSid, (this.subscriptions.get(publication.trackSid) ?? 0) + 1);
        changed();
      })
      .on(RoomEvent.TrackUnsubscribed, changed)
      .on(RoomEvent.TrackMuted, (publication: TrackPublication) => localChanged(publication, true))
      .on(RoomEvent.TrackUnmuted, (publication: TrackPublication) => localChanged(publication, false))
      .on(RoomEvent.LocalTrackPublished, () => this.emitLocal())
      .on(RoomEvent.LocalTrackUnpublished, () => this.emitLocal())
      .on(RoomEvent.RoomMetadataChanged, (metadata: string) => this.emit(GuestRoomEvent.Metadata, metadata))
      .on(RoomEvent.Reconnecting, () => this.emit(GuestRoomEvent.Reconnecting))
      .on(RoomEvent.SignalReconnecting, () => this.emit(GuestRoomEvent.Reconnecting))
      .on(RoomEvent.Reconnected, () => {
        this.emit(GuestRoomEvent.Reconnected);
        this.emitParticipants();
      })
      .on(RoomEvent.AudioPlaybackStatusChanged, () => this.emitPlayback())
      .on(RoomEvent.ParticipantPermissionsChanged, (_previous, participant) => {
        if (participant === this.room.localParticipant) this.emit(GuestRoomEvent.PublishGrant, this.canPublish);
      })
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        if (this.closedByUs) return;
        this.emit(GuestRoomEvent.Disconnected, leftReason(reason));
      });
  }

  private isLocal(publication: TrackPublication): boolean {
    return [...this.room.localParticipant.trackPublications.values()].includes(publication as LocalTrackPublication);
  }

  private emitPlayback(): void {
    this.emit(GuestRoomEvent.PlaybackBlocked, !this.room.canPlaybackAudio);
  }

  private emitParticipants(): void {
    const remote: RemoteParticipant[] = [...this.room.remoteParticipants.values()];
    this.emit(GuestRoomEvent.Participants, remote.map((p) => snapshotParticipant(p, this.subscriptions)));
  }

  private emitLocal(): void {
    const participant = this.room.localParticipant;
    const camera = participant.getTrackPublication(Track.Source.Camera);
    const mic = participant.getTrackPublication(Track.Source.Microphone);
    this.emit(GuestRoomEvent.Local, {
      camera: camera?.track ? { sid: camera.trackSid, muted: camera.isMuted, mutedByHost: this.mutedByHost.has(Track.Source.Camera) } : null,
      microphone: mic?.track
        ? {
            sid: mic.trackSid,
            muted: mic.isMuted,
            mutedByHost: this.mutedByHost.has(Track.Source.Microphone),
            mediaStreamTrack: mic.track.mediaStreamTrack,
          }
        : null,
    });
  }
}
