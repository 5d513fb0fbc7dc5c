import type { ParticipantRole } from '../../../shared/domain/roles';

/**
 * Plain data the viewer room adapter hands to the watch page. No livekit-client import here, so
 * the page's pure logic (and its Node unit tests) can use these types.
 */

/** Where a track comes from, in the page's own words (LiveKit's Track.Source, narrowed). */
export type ViewerTrackSource = 'screen' | 'camera' | 'microphone' | 'screen_audio';

/** One published track of a remote participant, as the viewer sees it. */
export interface ViewerTrack {
  sid: string;
  source: ViewerTrackSource;
  kind: 'video' | 'audio';
  /** The publisher muted it (mic off, camera off). */
  muted: boolean;
  /** Media is flowing to this viewer and can be attached to an element. */
  subscribed: boolean;
  /**
   * Bumped each time the track is (re)subscribed. A resubscription brings a new media track
   * under the same sid, so elements must attach again; a publisher's replaceTrack does not.
   */
  subscription: number;
}

/** One remote participant of the program room. */
export interface ViewerParticipant {
  identity: string;
  name: string;
  /** The `airdeck.role` attribute ('host', later 'stage_guest'), or null when absent or not one of ours. */
  role: ParticipantRole | null;
  tracks: ViewerTrack[];
}

/** Why the viewer left the room; decides between "ended" and trying again. */
export type ViewerDisconnectReason =
  /** The host ended the stream (DeleteRoom) or the room was closed. */
  | 'room_deleted'
  /** A moderator removed this viewer. */
  | 'removed'
  /** The same viewer identity joined from elsewhere. */
  | 'duplicate_identity'
  /** Anything else: network, server restart, failed reconnect. Worth another token. */
  | 'lost';
