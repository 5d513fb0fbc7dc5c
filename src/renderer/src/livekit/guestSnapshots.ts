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
