import {
  ConnectionQuality,
  RoomEvent,
  Track,
  type Participant,
  type RemoteParticipant,
  type RemoteTrackPublication,
  type Room,
} from 'livekit-client';
import { Emitter, type EventArgs } from '../../../shared/emitter';
import { GUEST_PARTICIPANT_ROLES, ROLE_ATTRIBUTE } from '../../../shared/domain/roles';
import type { GuestMedia, GuestMediaMap, GuestQuality } from './hostStageTypes';

/** Guests join with a `guest-` identity and a guest role attribute (waiting or on stage). */
export function isGuestParticipant(participant: { identity: string; attributes: Readonly<Record<string, string>> }): boolean {
  const role = participant.attributes[ROLE_ATTRIBUTE];
  if (role === undefined) return participant.identity.startsWith('guest-');
  return (GUEST_PARTICIPANT_ROLES as readonly string[]).includes(role);
}

const QUALITY: Record<ConnectionQuality, GuestQuality> = {
  [ConnectionQuality.Excellent]: 'excellent',
  [ConnectionQuality.Good]: 'good',
  [ConnectionQuality.Poor]: 'poor',
  [ConnectionQuality.Lost]: 'lost',
  [ConnectionQuality.Unknown]: 'unknown',
};

/** What the tracker reports; every payload is plain data. */
export interface HostStageEvents {
  /** Every guest the room has shown since it connected, after any change. */
  guests: GuestMediaMap;
  /** A guest's connection quality changed (not reported for `unknown`). */
  quality: { identity: string; quality: Exclude<GuestQuality, 'unknown'> };
}

const MEDIA_SOURCES = new Set<Track.Source>([Track.Source.Camera, Track.Source.Microphone]);

/**
 * Follows the guests in the host's room. The host connects with `autoSubscribe: false` (viewers
 * and moderators are never received), so this subscribes to the camera and microphone of guests
 * only, and turns their tracks, mute, speaking and connection quality into plain snapshots.
 */
export class HostStageTracker {
  private readonly events = new Emitter<HostStageEvents>();

  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends keyof HostStageEvents>(event: E, listener: (...args: EventArgs<HostStageEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }

  private room: Room | null = null;
  private detachRoom: (() => void) | null = null;
  /** Guests who left: kept so a tile can say "reconnecting" until the roster drops them. */
  private departed = new Map<string, GuestMedia>();
  private lastQuality = new Map<string, GuestQuality>();
  private scheduled = false;

  /** Starts following `room`, leaving any previous one (a resumed stream gets a new Room). */
  attach(room: Room): void {
    this.detach();
    this.room = room;
    const refresh = () => this.schedule();
    const onParticipant = (participant: RemoteParticipant) => {
      if (!isGuestParticipant(participant)) return;
      this.departed.delete(participant.identity);
      this.subscribeGuest(participant);
      refresh();
    };
    const onLeft = (participant: RemoteParticipant) => {
      if (!isGuestParticipant(participant)) return;
      this.departed.set(participant.identity, {
        ...snapshot(participant),
        present: false,
        camera: null,
        microphone: null,
        reconnecting: true,
        speaking: false,
      });
      refresh();
    };
    const onPublished = (publication: RemoteTrackPublication, participant: RemoteParticipant) => {
      if (isGuestParticipant(participant) && MEDIA_SOURCES.has(publication.source)) publication.setSubscribed(true);
      refresh();
    };
    const onQuality = (quality: ConnectionQuality, participant: Participant) => {
      if (participant.isLocal || !isGuestParticipant(participant)) return;
      this.reportQuality(participant.identity, QUALITY[quality]);
      refresh();
    };
    const onConnected = () => {
      for (const participant of room.remoteParticipants.values()) if (isGuestParticipant(participant)) this.subscribeGuest(participant);
      refresh();
    };
    const onDisconnected = () => {
      this.departed.clear();
      refresh();
    };
    const plain: RoomEvent[] = [
      RoomEvent.TrackSubscribed,
      RoomEvent.TrackUnsubscribed,
      RoomEvent.TrackUnpublished,
      RoomEvent.TrackMuted,
      RoomEvent.TrackUnmuted,
      RoomEvent.ActiveSpeakersChanged,
      RoomEvent.ParticipantNameChanged,
      RoomEvent.ParticipantAttributesChanged,
    ];
    room
      .on(RoomEvent.ParticipantConnected, onParticipant)
      .on(RoomEvent.ParticipantDisconnected, onLeft)
      .on(RoomEvent.TrackPublished, onPublished)
      .on(RoomEvent.ConnectionQualityChanged, onQuality)
      .on(RoomEvent.Connected, onConnected)
      .on(RoomEvent.Reconnected, onConnected)
      .on(RoomEvent.Disconnected, onDisconnected);
    for (const event of plain) room.on(event, refresh);
    this.detachRoom = () => {
      room
        .off(RoomEvent.ParticipantConnected, onParticipant)
        .off(RoomEvent.ParticipantDisconnected, onLeft)
        .off(RoomEvent.TrackPublished, onPublished)
        .off(RoomEvent.ConnectionQualityChanged, onQuality)
        .off(RoomEvent.Connected, onConnected)
        .off(RoomEvent.Reconnected, onConnected)
        .off(RoomEvent.Disconnected, onDisconnected);
      for (const event of plain) room.off(event, refresh);
    };
    // The room may already be connected when attached late.
    if (room.state === 'connected') onConnected();
  }

  /** Stops following the current room and reports no guests. */
  detach(): void {
    this.detachRoom?.();
    this.detachRoom = null;
    this.room = null;
    this.departed.clear();
    this.lastQuality.clear();
    this.schedule();
  }

  private subscribeGuest(participant: RemoteParticipant): void {
    for (const publication of participant.trackPublications.values()) {
      if (MEDIA_SOURCES.has(publication.source) && !publication.isSubscribed) publication.setSubscribed(true);
    }
    const quality = QUALITY[participant.connectionQuality];
    if (quality !== 'unknown') this.reportQuality(participant.identity, quality);
  }

  private reportQuality(identity: string, quality: GuestQuality): void {
    if (quality === 'unknown' || this.lastQuality.get(identity) === quality) return;
    this.lastQuality.set(identity, quality);
    this.events.emit('quality', { identity, quality });
  }

  /** Room events come in bursts (a join brings several); one snapshot per task is enough. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.events.emit('guests', this.snapshot());
    });
  }

  private snapshot(): GuestMediaMap {
    const guests: Record<string, GuestMedia> = Object.fromEntries(this.departed);
    for (const participant of this.room?.remoteParticipants.values() ?? []) {
      if (isGuestParticipant(participant)) guests[participant.identity] = snapshot(participant);
    }
    return guests;
  }
}

function snapshot(participant: RemoteParticipant): GuestMedia {
  const camera = participant.getTrackPublication(Track.Source.Camera);
  const microphone = participant.getTrackPublication(Track.Source.Microphone);
  const quality = QUALITY[participant.connectionQuality];
  return {
    identity: participant.identity,
    name: participant.name || participant.identity,
    present: true,
    camera: camera?.isSubscribed ? (camera.track?.mediaStreamTrack ?? null) : null,
    microphone: microphone?.isSubscribed ? (microphone.track?.mediaStreamTrack ?? null) : null,
    cameraPublished: camera !== undefined,
    micPublished: microphone !== undefined,
    cameraMuted: camera?.isMuted ?? false,
    micMuted: microphone?.isMuted ?? false,
    speaking: participant.isSpeaking,
    quality,
    reconnecting: quality === 'lost',
  };
}
