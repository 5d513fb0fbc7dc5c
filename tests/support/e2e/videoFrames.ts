import type { Locator } from '@playwright/test';

/** Frames the `<video>` inside `container` (a stage seat, a grid tile) has decoded so far. */
export function decodedFrames(container: Locator): Promise<number> {
  return (
    container
      .locator('video')
      .evaluate((video: HTMLVideoElement) => video.getVideoPlaybackQuality().totalVideoFrames)
      // No video element yet (the tile is still mounting) counts as no frame decoded; callers poll.
      .catch(() => 0)
  );
}
