import type { Browser, BrowserContext, Page } from '@playwright/test';

/** Inbound stats of one received video track, as a viewer page decodes it. */
export interface ReceiverStats {
  trackId: string;
  framesDecoded: number;
  frameWidth: number;
  peerConnections: number;
  connected: boolean;
}

declare global {
  interface Window {
    __peerConnections?: RTCPeerConnection[];
  }
}

/**
 * Keeps every RTCPeerConnection the viewer page creates, so the test can read inbound stats
 * for the exact track a tile plays (the page itself exposes no test hooks).
 */
export async function openViewer(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    window.__peerConnections = [];
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        window.__peerConnections!.push(this);
      }
    } as typeof RTCPeerConnection;
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/watch`);
  return { context, page };
}

/** Inbound video stats of the track playing in the host's screen tile (null until it plays). */
export function screenStats(viewer: Page): Promise<ReceiverStats | null> {
  return viewer.evaluate(async () => {
    const video = document.querySelector<HTMLVideoElement>('figure[aria-label$="screen"] video');
    const track = (video?.srcObject as MediaStream | null)?.getVideoTracks()[0];
    if (!track) return null;
    const pcs = (window.__peerConnections ?? []).filter((pc) => pc.connectionState !== 'closed');
    for (const pc of pcs) {
      const receiver = pc.getReceivers().find((r) => r.track.id === track.id);
      if (!receiver) continue;
      let framesDecoded = 0;
      let frameWidth = 0;
      (await receiver.getStats()).forEach((s: Record<string, unknown>) => {
        if (s.type === 'inbound-rtp') {
          framesDecoded = Number(s.framesDecoded ?? 0);
          frameWidth = Number(s.frameWidth ?? 0);
        }
      });
      return { trackId: track.id, framesDecoded, frameWidth, peerConnections: pcs.length, connected: pc.connectionState === 'connected' };
    }
    return null;
  });
}
