import type { GuestMedia, GuestQuality } from '../../livekit/hostStageTypes';

/** What a stage tile shows over (or instead of) the guest's video. */
export type TileOverlay = 'none' | 'joining' | 'reconnecting' | 'camera_off' | 'no_camera';

/** Everything a tile renders, derived from the guest's media (no React, so it is unit-tested). */
export interface TileView {
  overlay: TileOverlay;
  /** Words for the overlay, or null when the video shows. */
  overlayText: string | null;
  micState: 'on' | 'muted' | 'none';
  cameraState: 'on' | 'off' | 'none';
  speaking: boolean;
  quality: GuestQuality;
  qualityText: string;
}

const QUALITY_TEXT: Record<GuestQuality, string> = {
  excellent: 'Excellent connection',
  good: 'Good connection',
  poor: 'Poor connection',
  lost: 'Connection lost',
  unknown: 'Connection not measured yet',
};

const OVERLAY_TEXT: Record<Exclude<TileOverlay, 'none'>, string> = {
  joining: 'Waiting to join…',
  reconnecting: 'Reconnecting…',
  camera_off: 'Camera off',
  no_camera: 'No camera',
};

/**
 * A guest on the roster may not be in the room yet (their page reconnects with stage grants
 * after approval), may have dropped out, or may have their camera off: each reads differently.
 */
export function tileView(media: GuestMedia | undefined): TileView {
  let overlay: TileOverlay = 'none';
  if (!media) overlay = 'joining';
  else if (media.reconnecting || !media.present) overlay = 'reconnecting';
  else if (!media.cameraPublished) overlay = 'no_camera';
  else if (media.cameraMuted) overlay = 'camera_off';
  else if (!media.camera) overlay = 'joining';
  const quality = media?.present ? media.quality : 'unknown';
  return {
    overlay,
    overlayText: overlay === 'none' ? null : OVERLAY_TEXT[overlay],
    micState: !media?.micPublished ? 'none' : media.micMuted ? 'muted' : 'on',
    cameraState: !media?.cameraPublished ? 'none' : media.cameraMuted ? 'off' : 'on',
    speaking: !!media?.present && media.speaking && !media.micMuted,
    quality,
    qualityText: QUALITY_TEXT[quality],
  };
}
