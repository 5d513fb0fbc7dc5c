import { DisconnectReason, Track, type RemoteParticipant } from 'livekit-client';
import { participantRoleOf, ROLE_ATTRIBUTE } from '../../../shared/domain/roles';
import type { ViewerDisconnectReason, ViewerParticipant, ViewerTrack, ViewerTrackSource } from './viewerTypes';

const SOURCES: Partial<Record<Track.Source, ViewerTrackSource>> = {
  [Track.Source.ScreenShare]: 'screen',
  [Track.Source.Camera]: 'camera',
  [Track.Source.Microphone]: 'microphone',
  [Track.Source.ScreenShareAudio]: 'screen_audio',
};

/**
 * A remote participant as plain data (no livekit types), shared by the viewer and guest pages so
 * both render the program the same way. `subscriptions` counts (re)subscriptions per track sid.
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
  return {
    identity: participant.identity,
    name: participant.name ?? '',
    role: participantRoleOf(participant.attributes[ROLE_ATTRIBUTE]),
    tracks,
  };
}

/** Why we left a room, in the words the viewer and guest pages act on. */
export function leftReason(reason: DisconnectReason | undefined): ViewerDisconnectReason {
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
