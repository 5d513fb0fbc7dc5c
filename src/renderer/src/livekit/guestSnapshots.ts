import { DisconnectReason, Track, type RemoteParticipant } from 'livekit-client';
import { ROLE_ATTRIBUTE } from './viewerRoom';
import type { ViewerDisconnectReason, ViewerParticipant, ViewerTrack, ViewerTrackSource } from './viewerTypes';

/** Our own published camera or mic as the guest page shows it. */
export interface GuestLocalTrack {
  sid: string;
  muted: boolean;
  /** Muted by the host (MutePublishedTrack), not by the guest's own button. */
  mutedByHost: boolean;
}

/** The guest's published media; null for a source that is not published. */
export interface GuestLocalMedia {
  camera: GuestLocalTrack | null;
  /** The mic's MediaStreamTrack drives the level meter while on stage. */
  microphone: (GuestLocalTrack & { mediaStreamTrack: MediaStreamTrack }) | null;
}

const SOURCES: Partial<Record<Track.Source, ViewerTrackSource>> = {
  [Track.Source.ScreenShare]: 'screen',
  [Track.Source.Camera]: 'camera',
  [Track.Source.Microphone]: 'microphone',
  [Track.Source.ScreenShareAudio]: 'screen_audio',
};

/**
 * A remote participant as plain data, in the viewer page's shape so the guest page can reuse the
 * viewer's program layout. `subscriptions` counts (re)subscriptions per track sid.
 */
export function snapshotParticipant(participant: RemoteParticipant, subscriptions: ReadonlyMap<string, number>): ViewerParticipant {
  const tracks: ViewerTrack[] = [];
  for (const publication of participant.trackPublications.values()) {
    const source = SOURCES[publication.source];
    if (!source) continue;
    tracks.push({
      sid: publication.trackSid,
      source,
      kind: publication.kind === Track.Kind.Video ? 'video' : 'audio',
      muted: publication.isMuted,
      subscribed: publication.isSubscribed && !!publication.track,
      subscription: subscriptions.get(publication.trackSid) ?? 0,
    });
  }
  return { identity: participant.identity, name: participant.name ?? '', role: participant.attributes[ROLE_ATTRIBUTE] ?? null, tracks };
}

/** Why the guest left the room, in the same words as the viewer page. */
export function guestDisconnectReason(reason: DisconnectReason | undefined): ViewerDisconnectReason {
  switch (reason) {
    case DisconnectReason.ROOM_DELETED:
    case DisconnectReason.ROOM_CLOSED:
      return 'room_deleted';
    case DisconnectReason.PARTICIPANT_REMOVED:
      return 'removed';
    case DisconnectReason.DUPLICATE_IDENTITY:
      return 'duplicate_identity';
    default:
      return 'lost';
  }
}
