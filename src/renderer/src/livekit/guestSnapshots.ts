import { DisconnectReason } from 'livekit-client';
import type { ViewerDisconnectReason } from './viewerTypes';

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

export { snapshotParticipant } from './participantSnapshot';

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
