/**
 * Plain snapshots of the guests the host room sees (no livekit-client types), so the store and
 * the stage tiles stay free of LiveKit.
 */

/** LiveKit's view of a guest's link; `unknown` until the server has measured it. */
export type GuestQuality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

/** One guest as the host's room sees them right now. */
export interface GuestMedia {
  identity: string;
  name: string;
  /** In the room now; false after they dropped out (kept so the tile can say "reconnecting"). */
  present: boolean;
  /** The subscribed camera track, or null when none is published or it is not received yet. */
  camera: MediaStreamTrack | null;
  /** The subscribed microphone track, or null. */
  microphone: MediaStreamTrack | null;
  /** A camera is published (possibly muted). */
  cameraPublished: boolean;
  micPublished: boolean;
  /** Published but muted (by the guest or by the host's mute). */
  cameraMuted: boolean;
  micMuted: boolean;
  speaking: boolean;
  quality: GuestQuality;
  /** Dropped out of the room or lost its link; LiveKit lets them back in within a few seconds. */
  reconnecting: boolean;
}

/** Guest media keyed by participant identity. */
export type GuestMediaMap = Readonly<Record<string, GuestMedia>>;
