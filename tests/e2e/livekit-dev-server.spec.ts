/**
 * End-to-end checks of the rehearsal server (src/main/rehearsal) with the real livekit-client (in
 * Chromium) and livekit-server-sdk (in Node) — media: publishing, subscribing, simulcast layers. Every wait is on a condition.
 */
import { expect, test } from '@playwright/test';
import type { RemoteVideoStats } from '../support/e2e/pages/lkTestPage';
import { decoded, eventsOf, pollDecoded, useLiveKitPages } from '../support/e2e/livekitPages';

const lk = useLiveKitPages();

test('camera, microphone and screen share reach subscribers that decode them, late joiners included', async ({ browser }) => {
  // Four Chromium pages encode and decode here; on a loaded 2-core machine this needs headroom.
  test.setTimeout(180_000);
  const room = 'media';
  const cam = await lk.join(browser, room, 'alice');
  await cam.evaluate(() => window.lkTest.publishCamera(640, 360));
  await cam.evaluate(() => window.lkTest.publishMicrophone());
  const screen = await lk.join(browser, room, 'bob');
  // Headless Chromium has no desktop to capture here: a canvas track published as ScreenShare.
  await screen.evaluate(() => window.lkTest.publishCanvasScreenShare(960, 540));
  const viewer = await lk.join(browser, room, 'viewer');

  await pollDecoded(viewer, ['camera', 'screen_share']);
  await expect.poll(async () => (await viewer.evaluate(() => window.lkTest.audioStats()))[0]?.packetsReceived ?? 0).toBeGreaterThan(10);
  // Publishers see each other too.
  await pollDecoded(cam, ['screen_share']);
  await pollDecoded(screen, ['camera']);

  // A subscriber joining while everything is already flowing still gets a picture.
  const late = await lk.join(browser, room, 'late-viewer');
  await pollDecoded(late, ['camera', 'screen_share']);
  const stats = await late.evaluate(() => window.lkTest.videoStats());
  expect(decoded(stats, 'screen_share')?.frameWidth).toBeGreaterThanOrEqual(480);

  // Unpublishing (only visible in the SDP) removes the track everywhere.
  await screen.evaluate(() => window.lkTest.unpublishSource('screen_share'));
  await expect.poll(async () => (await eventsOf(viewer, 'trackUnpublished')).map((e) => e.source)).toContain('screen_share');
  await expect
    .poll(async () => (await late.evaluate(() => window.lkTest.participants())).find((p) => p.identity === 'bob')?.tracks.length)
    .toBe(0);
});

test('UpdateTrackSettings switches simulcast layers; one publisher can add a screen share next to its camera', async ({ browser }) => {
  const pub = await lk.join(browser, 'layers', 'cam');
  const camSid = await pub.evaluate(() => window.lkTest.publishCamera(640, 360, 'maintain-resolution'));
  const viewer = await lk.join(browser, 'layers', 'viewer');
  await pollDecoded(viewer, ['camera']);
  const camera = async (): Promise<RemoteVideoStats | undefined> =>
    (await viewer.evaluate(() => window.lkTest.videoStats())).find((s) => s.trackSid === camSid);
  // 640x360 is sent as two layers: q (320x180) and h (640x360).
  await expect.poll(async () => (await camera())?.frameWidth).toBe(640);
  await viewer.evaluate((sid) => window.lkTest.setVideoQuality(sid, 'low'), camSid);
  await expect.poll(async () => (await camera())?.frameWidth).toBe(320);
  await viewer.evaluate((sid) => window.lkTest.setVideoQuality(sid, 'high'), camSid);
  await expect.poll(async () => (await camera())?.frameWidth).toBe(640);
  // Sequence numbers and timestamps were rewritten consistently: frames keep coming.
  const before = (await camera())?.framesDecoded ?? 0;
  await expect.poll(async () => (await camera())?.framesDecoded ?? 0).toBeGreaterThan(before + 15);

  // The broadcaster case: a second simulcast track (also using rids q/h) on the same connection.
  await pub.evaluate(() => window.lkTest.publishCanvasScreenShare(640, 360));
  await pollDecoded(viewer, ['camera', 'screen_share']);
});
