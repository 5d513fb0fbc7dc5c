/**
 * End-to-end checks of the rehearsal server (src/main/rehearsal) with the real livekit-client (in
 * Chromium) and livekit-server-sdk (in Node) — tokens, permissions and webhooks. Every wait is on a condition.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { TrackSource, WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import { DEV_API_KEY, DEV_API_SECRET, liveKitToken, startLiveKit } from '../support/e2e/livekitDevServer';
import { DUPLICATE_IDENTITY, eventsOf, NOT_ALLOWED, pollDecoded, useLiveKitPages } from '../support/e2e/livekitPages';

const lk = useLiveKitPages();

test('tokens and permissions are enforced', async ({ browser }) => {
  const page = await lk.openPage(browser);
  const bad = await liveKitToken({ identity: 'mallory', room: 'perm', apiSecret: 'wrong-secret' });
  const badResult = await page.evaluate(([url, t]) => window.lkTest.tryConnect(url, t), [lk.server().url, bad] as const);
  expect(badResult).toMatchObject({ ok: false, reason: NOT_ALLOWED, status: 401 });

  const expired = await liveKitToken({ identity: 'mallory', room: 'perm', ttl: -60 });
  const expiredResult = await page.evaluate(([url, t]) => window.lkTest.tryConnect(url, t), [lk.server().url, expired] as const);
  expect(expiredResult).toMatchObject({ ok: false, reason: NOT_ALLOWED, status: 401 });

  const viewerOnly = await lk.join(browser, 'perm', 'viewer-only', { canPublish: false });
  await expect(viewerOnly.evaluate(() => window.lkTest.publishCamera(320, 180))).rejects.toThrow();

  const camOnly = await lk.join(browser, 'perm', 'cam-only', { canPublishSources: [TrackSource.CAMERA] });
  await expect(camOnly.evaluate(() => window.lkTest.publishCanvasScreenShare(320, 180))).rejects.toThrow();
  await camOnly.evaluate(() => window.lkTest.publishCamera(320, 180));

  const noSubscribe = await lk.join(browser, 'perm', 'no-subscribe', { canSubscribe: false });
  await pollDecoded(viewerOnly, ['camera']);
  const seen = await noSubscribe.evaluate(() => window.lkTest.participants());
  expect(seen.find((p) => p.identity === 'cam-only')?.tracks.map((t) => t.subscribed)).toEqual([false]);

  // Joining again with the same identity replaces the first session.
  await lk.join(browser, 'perm', 'viewer-only', { canPublish: false });
  await expect.poll(async () => (await eventsOf(viewerOnly, 'disconnected')).map((e) => e.reason)).toEqual([DUPLICATE_IDENTITY]);
});

test('webhooks are signed and verifiable with WebhookReceiver', async ({ browser }) => {
  const received: WebhookEvent[] = [];
  const receiver = new WebhookReceiver(DEV_API_KEY, DEV_API_SECRET);
  const failures: string[] = [];
  const hookServer: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      receiver
        .receive(body, req.headers.authorization)
        .then((event) => received.push(event))
        .catch((err: Error) => failures.push(err.message))
        .finally(() => res.writeHead(200).end());
    });
  });
  await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;
  const hooked = await startLiveKit({ webhookUrls: [hookUrl], departureTimeoutSec: 1 });
  try {
    const page = await lk.join(browser, 'hooks', 'host', {}, hooked);
    await page.evaluate(() => window.lkTest.publishMicrophone());
    await expect.poll(() => received.map((e) => e.event)).toContain('track_published');
    await page.evaluate(() => window.lkTest.unpublishSource('microphone'));
    await expect.poll(() => received.map((e) => e.event)).toContain('track_unpublished');
    await page.evaluate(() => window.lkTest.disconnect());
    await expect
      .poll(() => received.map((e) => e.event), { timeout: 15_000 })
      .toEqual(['room_started', 'participant_joined', 'track_published', 'track_unpublished', 'participant_left', 'room_finished']);
    expect(failures).toEqual([]);
    const joined = received.find((e) => e.event === 'participant_joined');
    expect(joined?.participant?.identity).toBe('host');
    expect(joined?.room?.name).toBe('hooks');
    expect(received.find((e) => e.event === 'track_published')?.track?.sid).toMatch(/^TR_/);
  } finally {
    await hooked.close();
    await new Promise<void>((r) => hookServer.close(() => r()));
  }
});
