/**
 * Going live from the headless studio to the LiveKit dev server, watched on the real viewer
 * page (/watch): the viewer decodes the host's screen share and receives the microphone; mute
 * and a source switch reach the viewer without a reconnect; a studio reload offers to resume;
 * ending shows the viewer the end and leaves a finished history row. Failures to go live are in
 * go-live-failures.spec.ts, the share dialog in share-dialog.spec.ts.
 */
import { expect, test, type BrowserContext, type Page, type WebSocketRoute } from '@playwright/test';
import type { DevServer } from '../../src/main/rehearsal/index';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';
import { startLiveKit } from '../support/e2e/livekitDevServer';
import { configureLiveKit, liveBar } from '../support/e2e/studioPage';
import { openViewer, screenStats } from '../support/e2e/viewerPage';

// Chromium's fake desktop capture answers getDisplayMedia with a generated "screen", no picker.
test.use({ launchOptions: chromiumLaunchOptions(['--auto-select-desktop-capture-source=Entire screen']) });

/**
 * Upper bound for media steps (join, publish, first decoded frame). WebRTC through the dev
 * server takes a few seconds on a busy 2-core machine; these are limits, not timings (the
 * go-live benchmark measures time).
 */
const MEDIA_TIMEOUT = 60_000;

/** Audio packets received over every live peer connection of the viewer. */
function audioPackets(viewer: Page): Promise<number> {
  return viewer.evaluate(async () => {
    let packets = 0;
    for (const pc of window.__peerConnections ?? []) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s: Record<string, unknown>) => {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') packets += Number(s.packetsReceived ?? 0);
      });
    }
    return packets;
  });
}

function previewTrackId(page: Page): Promise<string | null> {
  return page
    .getByLabel('Shared screen preview')
    .evaluate((video: HTMLVideoElement) => (video.srcObject as MediaStream | null)?.getVideoTracks()[0]?.id ?? null);
}

test.describe.serial('a host goes live and a viewer watches', () => {
  test.describe.configure({ timeout: 240_000 });
  let livekit: DevServer;
  let studio: HeadlessStudio;
  let host: Page;
  let viewer: Page;
  let contexts: BrowserContext[] = [];
  /** The host's LiveKit signal socket, routed through the test so it can be dropped. */
  let signal: WebSocketRoute | null = null;

  test.beforeAll(async ({ browser }) => {
    livekit = await startLiveKit();
    studio = await startHeadless();
    const hostContext = await browser.newContext();
    contexts.push(hostContext);
    await hostContext.routeWebSocket(/\/rtc\b/, (socket) => {
      socket.connectToServer();
      signal = socket;
    });
    host = await hostContext.newPage();
    await studio.openStudio(host);
    await configureLiveKit(host, livekit.url);
  });

  test.afterAll(async () => {
    for (const context of contexts) await context.close();
    contexts = [];
    await studio?.stop();
    await livekit?.close();
  });

  test('the viewer decodes the shared screen and receives the microphone', async ({ browser }) => {
    const opened = await openViewer(browser, studio.baseUrl);
    contexts.push(opened.context);
    viewer = opened.page;
    await expect(viewer.getByRole('heading', { name: 'Waiting for the stream' })).toBeVisible();

    await expect(host.getByLabel('Camera preview')).toBeVisible();
    await host.getByRole('button', { name: 'Share screen' }).click();
    await expect(host.getByLabel('Shared screen preview')).toBeVisible();
    await host.getByRole('textbox', { name: 'Stream title' }).fill('Friday build');
    await host.getByRole('textbox', { name: 'Tags' }).fill('rust, #ui');
    await expect(host.getByRole('radio', { name: /Screen \+ guests/ })).toBeChecked();
    await host.getByRole('button', { name: 'Go live' }).click();

    await expect(liveBar(host)).toContainText('LIVE', { timeout: MEDIA_TIMEOUT });
    await expect(host.getByRole('textbox', { name: 'Viewer link' })).toHaveValue(`${studio.baseUrl}/watch`);
    await expect
      .poll(
        async () => {
          const stats = await screenStats(viewer);
          return stats !== null && stats.framesDecoded > 0 && stats.frameWidth >= 640;
        },
        { timeout: MEDIA_TIMEOUT },
      )
      .toBe(true);
    await expect.poll(() => audioPackets(viewer), { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(10);
    // The host counts the viewer in the room and main reports it back.
    await expect(liveBar(host).getByLabel('1 viewer')).toBeVisible({ timeout: MEDIA_TIMEOUT });
    // The live bar shows what is being sent, from getStats.
    await expect(liveBar(host).getByLabel(/^Sending \d/)).toBeVisible({ timeout: MEDIA_TIMEOUT });
    await expect(liveBar(host).getByLabel(/^[1-9]\d* frames per second/)).toBeVisible({ timeout: MEDIA_TIMEOUT });
  });

  test('muting shows on the viewer; switching the source keeps it decoding on the same track', async () => {
    await host.getByRole('button', { name: 'Mute microphone' }).click();
    await expect(viewer.getByRole('status', { name: /is muted/ })).toBeVisible({ timeout: MEDIA_TIMEOUT });
    await host.keyboard.press('Control+d');
    await expect(host.getByRole('button', { name: 'Mute microphone' })).toBeVisible();
    await expect(viewer.getByRole('status', { name: /is muted/ })).toBeHidden({ timeout: MEDIA_TIMEOUT });

    const before = (await screenStats(viewer))!;
    const previewBefore = await previewTrackId(host);
    await host.getByRole('button', { name: 'Switch shared source' }).click();
    await expect.poll(() => previewTrackId(host)).not.toBe(previewBefore);
    await expect
      .poll(
        async () => {
          const now = await screenStats(viewer);
          return now !== null && now.framesDecoded > before.framesDecoded + 30;
        },
        { timeout: MEDIA_TIMEOUT },
      )
      .toBe(true);
    const after = (await screenStats(viewer))!;
    // Same remote track over the same connections: the swap happened under the publication.
    expect(after.trackId).toBe(before.trackId);
    expect(after.peerConnections).toBe(before.peerConnections);
    expect(after.connected).toBe(true);
  });

  test('the live bar shows reconnecting while LiveKit reconnects, then LIVE again', async () => {
    // Record every state the live bar shows, so a quick recovery cannot hide "Reconnecting…".
    await host.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __barStates: string[] }).__barStates = seen;
      const bar = document.querySelector('[aria-label="Stream status"]')!.parentElement!;
      new MutationObserver(() => seen.push(bar.querySelector('[aria-label="Stream status"]')?.textContent ?? '')).observe(bar, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await signal!.close({ code: 4000, reason: 'dropped by test' });
    await expect
      .poll(
        () =>
          host.evaluate(() => (window as unknown as { __barStates: string[] }).__barStates.some((text) => text.includes('Reconnecting…'))),
        {
          timeout: MEDIA_TIMEOUT,
        },
      )
      .toBe(true);
    await expect(liveBar(host)).toContainText('LIVE', { timeout: MEDIA_TIMEOUT });
    await expect
      .poll(
        async () => {
          const stats = await screenStats(viewer);
          return stats !== null && stats.framesDecoded > 0;
        },
        { timeout: MEDIA_TIMEOUT },
      )
      .toBe(true);
  });

  test('after a studio reload the host resumes the stream and the viewer keeps watching', async () => {
    await host.reload();
    await expect(host.getByRole('alert').filter({ hasText: '“Friday build” is still live' })).toBeVisible();
    await expect(liveBar(host)).toContainText('studio not connected');
    await host.getByRole('button', { name: 'Resume stream' }).click();
    await expect(liveBar(host)).toContainText('LIVE', { timeout: MEDIA_TIMEOUT });
    // The screen capture ended with the page; sharing again publishes it anew.
    await host.getByRole('button', { name: 'Share screen' }).click();
    await expect
      .poll(
        async () => {
          const stats = await screenStats(viewer);
          return stats !== null && stats.framesDecoded > 0 && stats.frameWidth >= 640;
        },
        { timeout: MEDIA_TIMEOUT },
      )
      .toBe(true);
    await expect(liveBar(host).getByLabel('1 viewer')).toBeVisible({ timeout: MEDIA_TIMEOUT });
  });

  test('ending shows the viewer the end and finalises the history row', async () => {
    await host.getByRole('button', { name: 'End stream' }).click();
    const dialog = host.getByRole('dialog', { name: 'End the stream?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'End stream now' }).click();

    await expect(viewer.getByRole('heading', { name: 'The stream has ended' })).toBeVisible({ timeout: MEDIA_TIMEOUT });
    await expect(liveBar(host)).toContainText('Not live');
    await expect(host.getByRole('status').filter({ hasText: 'Stream ended' })).toBeVisible();

    await host.getByRole('button', { name: 'History' }).click();
    const row = host.getByRole('row', { name: /Friday build/ });
    await expect(row).toBeVisible();
    await expect(row).not.toContainText('Live');
    const cells = row.getByRole('cell');
    await expect(cells.nth(2)).toHaveText(/^\d+:\d{2}$/);
    expect(Number(await cells.nth(3).textContent())).toBeGreaterThanOrEqual(1);
  });
});
