import { RoomEvent, Track, type LocalTrackPublication, type TrackPublication } from 'livekit-client';
import { PageRoom, type PageRoomEvents } from './pageRoom';
import type { GuestLocalMedia } from './guestSnapshots';

/** Events a {@link GuestRoom} emits: the page room's, plus our own media and publish grant. */
export interface GuestRoomEvents extends PageRoomEvents {
  /** Our own camera and mic: published, muted (also when the host muted them). */
  local: GuestLocalMedia;
  /** The server changed our publish grant on this connection (approved onto the stage, moved back). */
  publishGrant: boolean;
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
export class GuestRoom extends PageRoom<GuestRoomEvents> {
  /** Sources we are muting or unmuting ourselves, so a mute that is not ours reads as the host's. */
  private readonly selfChanging = new Set<Track.Source>();
  private readonly mutedByHost = new Set<Track.Source>();

  constructor() {
    super({ adaptiveStream: true, dynacast: true });
    this.wireLocal();
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

  /** Shows our own published camera in `element` (the "you're live" preview). */
  attachLocalCamera(element: HTMLVideoElement): () => void {
    const track = this.room.localParticipant.getTrackPublication(Track.Source.Camera)?.track;
    if (!track) return () => undefined;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }

  /** Our own media and grant; a mute we did not ask for came from the server (the host's MutePublishedTrack). */
  private wireLocal(): void {
    const muteChanged = (publication: TrackPublication, muted: boolean): void => {
      if (!this.isLocal(publication)) return this.emitParticipants();
      if (muted && !this.selfChanging.has(publication.source)) this.mutedByHost.add(publication.source);
      if (!muted) this.mutedByHost.delete(publication.source);
      this.emitLocal();
    };
    this.room
      .on(RoomEvent.TrackMuted, (publication: TrackPublication) => muteChanged(publication, true))
      .on(RoomEvent.TrackUnmuted, (publication: TrackPublication) => muteChanged(publication, false))
      .on(RoomEvent.LocalTrackPublished, () => this.emitLocal())
      .on(RoomEvent.LocalTrackUnpublished, () => this.emitLocal())
      .on(RoomEvent.ParticipantPermissionsChanged, (_previous, participant) => {
        if (participant === this.room.localParticipant) this.events.emit('publishGrant', this.canPublish);
      });
  }

  protected override announceConnected(): void {
    this.emitLocal();
  }

  protected isPlaybackBlocked(): boolean {
    return !this.room.canPlaybackAudio;
  }

  private isLocal(publication: TrackPublication): boolean {
    return [...this.room.localParticipant.trackPublications.values()].includes(publication as LocalTrackPublication);
  }

  private emitLocal(): void {
    const participant = this.room.localParticipant;
    const camera = participant.getTrackPublication(Track.Source.Camera);
    const mic = participant.getTrackPublication(Track.Source.Microphone);
    this.events.emit('local', {
      camera: camera?.track
        ? { sid: camera.trackSid, muted: camera.isMuted, mutedByHost: this.mutedByHost.has(Track.Source.Camera) }
        : null,
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
