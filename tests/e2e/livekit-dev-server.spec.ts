/**
 * End-to-end checks of the rehearsal server (src/main/rehearsal) with the real livekit-client (in Chromium) and
 * livekit-server-sdk (in Node). Every wait is on a condition (expect.poll / waitForFunction).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DataPacket_Kind, TrackSource, WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import type { DevServer } from '../../src/main/rehearsal/index';
import type { RecordedEvent, RemoteVideoStats } from '../support/e2e/pages/lkTestPage';
import { DEV_API_KEY, DEV_API_SECRET, liveKitToken, roomService, startLiveKit, type TokenOptions } from '../support/e2e/livekitDevServer.js';
import { serveLiveKitTestPage, type TestPageServer } from '../support/e2e/livekitTestPage.js';

/** livekit-client DisconnectReason values (from @livekit/protocol). */
const DUPLICATE_IDENTITY = 2;
const PARTICIPANT_REMOVED = 4;
const ROOM_DELETED = 5;
/** livekit-client ConnectionErrorReason.NotAllowed */
const NOT_ALLOWED = 0;

let server: DevServer;
let pages: TestPageServer;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  server = await startLiveKit({ departureTimeoutSec: 1 });
  pages = await serveLiveKitTestPage();
});

test.afterEach(async () => {
  // Leaving explicitly is much faster than letting Chromium tear connected pages down.
  await Promise.all(
    contexts.splice(0).map(async (c) => {
      await Promise.all(c.pages().map((p) => p.evaluate(() => window.lkTest?.disconnect()).catch(() => undefined)));
      await c.close();
    }),
  );
});

test.afterAll(async () => {
  await server?.close();
  await pages?.close();
});

async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.log(`[page error] ${err.message}`));
  await page.goto(pages.url);
  await page.waitForFunction(() => typeof window.lkTest === 'object');
  return page;
}

async function join(
  browser: Browser,
  room: string,
  identity: string,
  grant: TokenOptions['grant'] = {},
  target: DevServer = server,
): Promise<Page> {
  const page = await openPage(browser);
  const token = await liveKitToken({ identity, room, grant });
  await page.evaluate(([url, t]) => window.lkTest.connect(url, t), [target.url, token] as const);
  return page;
}

function decoded(stats: RemoteVideoStats[], source: string): RemoteVideoStats | undefined {
  return stats.find((s) => s.source === source && s.framesDecoded > 0 && s.frameWidth > 0);
}

/** Waits until `page` decodes frames of every listed source. */
async function pollDecoded(page: Page, sources: string[]): Promise<void> {
  await expect
    .poll(
      async () => {
        const stats = await page.evaluate(() => window.lkTest.videoStats());
        return sources.filter((s) => decoded(stats, s));
      },
      { timeout: 30_000 },
    )
    .toEqual(sources);
}

async function eventsOf(page: Page, type: string): Promise<RecordedEvent[]> {
  const all = await page.evaluate(() => window.lkTest.events());
  return all.filter((e) => e.type === type);
}

test('camera, microphone and screen share reach subscribers that decode them, late joiners included', async ({ browser }) => {
  // Four Chromium pages encode and decode here; on a loaded 2-core machine this needs headroom.
  test.setTimeout(180_000);
  const room = 'media';
  const cam = await join(browser, room, 'alice');
  await cam.evaluate(() => window.lkTest.publishCamera(640, 360));
  await cam.evaluate(() => window.lkTest.publishMicrophone());
  const screen = await join(browser, room, 'bob');
  // Headless Chromium has no desktop to capture here: a canvas track published as ScreenShare.
  await screen.evaluate(() => window.lkTest.publishCanvasScreenShare(960, 540));
  const viewer = await join(browser, room, 'viewer');

  await pollDecoded(viewer, ['camera', 'screen_share']);
  await expect.poll(async () => (await viewer.evaluate(() => window.lkTest.audioStats()))[0]?.packetsReceived ?? 0).toBeGreaterThan(10);
  // Publishers see each other too.
  await pollDecoded(cam, ['screen_share']);
  await pollDecoded(screen, ['camera']);

  // A subscriber joining while everything is already flowing still gets a picture.
  const late = await join(browser, room, 'late-viewer');
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
  const pub = await join(browser, 'layers', 'cam');
  const camSid = await pub.evaluate(() => window.lkTest.publishCamera(640, 360, 'maintain-resolution'));
  const viewer = await join(browser, 'layers', 'viewer');
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

test('data packets and lk.chat text streams reach the right participants only', async ({ browser }) => {
  const room = 'data';
  const [alice, bob, carol, mute] = await Promise.all([
    join(browser, room, 'alice'),
    join(browser, room, 'bob'),
    join(browser, room, 'carol'),
    join(browser, room, 'mute', { canPublishData: false }),
  ]);
  for (const page of [alice, bob, carol]) {
    await expect.poll(() => page.evaluate(() => window.lkTest.participants().length)).toBe(3);
  }

  await mute.evaluate(() => window.lkTest.sendData('forbidden').catch(() => undefined));
  await alice.evaluate(() => window.lkTest.sendData('hello all', { topic: 'greet' }));
  await alice.evaluate(() => window.lkTest.sendData('lossy hi', { reliable: false }));
  await alice.evaluate(() => window.lkTest.sendData('only bob', { destinationIdentities: ['bob'] }));
  await alice.evaluate(() => window.lkTest.sendChat('chat to all'));
  await alice.evaluate(() => window.lkTest.sendChat('chat to carol', ['carol']));
  await bob.evaluate(() => window.lkTest.sendData('bob says hi'));

  const texts = async (page: Page): Promise<string[]> =>
    (await page.evaluate(() => window.lkTest.messages())).map((m) => `${m.kind}:${m.from}:${m.text}`).sort();
  await expect
    .poll(() => texts(bob))
    .toEqual(['data:alice:hello all', 'data:alice:lossy hi', 'data:alice:only bob', 'text:alice:chat to all'].sort());
  await expect
    .poll(() => texts(carol))
    .toEqual(
      ['data:alice:hello all', 'data:alice:lossy hi', 'data:bob:bob says hi', 'text:alice:chat to all', 'text:alice:chat to carol'].sort(),
    );
  // Bob's message reached alice, so what alice sent earlier was routed already: nothing echoed.
  await expect.poll(() => texts(alice)).toEqual(['data:bob:bob says hi']);
  const topics = (await bob.evaluate(() => window.lkTest.messages())).filter((m) => m.text === 'hello all').map((m) => m.topic);
  expect(topics).toEqual(['greet']);
  // The participant without canPublishData reached no one.
  for (const page of [alice, bob, carol]) expect((await texts(page)).some((t) => t.includes('forbidden'))).toBe(false);
});

test('RoomService calls act on connected clients', async ({ browser }) => {
  const room = 'admin';
  const svc = roomService(server);
  const pub = await join(browser, room, 'publisher');
  const camSid = await pub.evaluate(() => window.lkTest.publishCamera(640, 360));
  const [viewer, victim] = await Promise.all([join(browser, room, 'viewer'), join(browser, room, 'victim')]);
  await expect.poll(async () => (await viewer.evaluate(() => window.lkTest.participants())).length).toBe(2);
  await expect
    .poll(async () => (await viewer.evaluate(() => window.lkTest.participants())).find((p) => p.identity === 'publisher')?.tracks.length)
    .toBe(1);

  const listed = await svc.listParticipants(room);
  expect(listed.map((p) => p.identity).sort()).toEqual(['publisher', 'victim', 'viewer']);
  const info = await svc.getParticipant(room, 'publisher');
  expect(info.tracks.map((t) => t.sid)).toEqual([camSid]);

  await svc.updateRoomMetadata(room, 'show starts soon');
  await expect.poll(() => viewer.evaluate(() => window.lkTest.roomMetadata())).toBe('show starts soon');
  expect((await eventsOf(viewer, 'roomMetadataChanged')).map((e) => e.value)).toContain('show starts soon');

  // Server-originated data carries no sender and honours destinations.
  await svc.sendData(room, new TextEncoder().encode('from the backend'), DataPacket_Kind.RELIABLE, {
    destinationIdentities: ['viewer'],
    topic: 'admin',
  });
  await expect
    .poll(async () => (await viewer.evaluate(() => window.lkTest.messages())).map((m) => [m.from ?? null, m.topic, m.text]))
    .toEqual([[null, 'admin', 'from the backend']]);

  await svc.mutePublishedTrack(room, 'publisher', camSid, true);
  await expect.poll(async () => (await eventsOf(viewer, 'trackMuted')).map((e) => e.trackSid)).toContain(camSid);
  await expect.poll(async () => (await pub.evaluate(() => window.lkTest.localTracks()))[0]?.muted).toBe(true);
  await expect(svc.mutePublishedTrack(room, 'publisher', camSid, false)).rejects.toMatchObject({
    status: 412,
    code: 'failed_precondition',
  });

  // A permission in UpdateParticipant replaces all of them: canPublish is now false.
  await svc.updateParticipant(room, 'publisher', { metadata: 'host', permission: { canSubscribe: true, canPublishData: true } });
  await expect.poll(async () => (await eventsOf(viewer, 'trackUnpublished')).map((e) => e.trackSid)).toContain(camSid);
  await expect.poll(async () => (await eventsOf(pub, 'localTrackUnpublished')).map((e) => e.trackSid)).toContain(camSid);
  await expect.poll(async () => (await eventsOf(viewer, 'participantMetadataChanged')).map((e) => e.value)).toContain('host');
  const after = await svc.getParticipant(room, 'publisher');
  expect(after.permission?.canPublish).toBe(false);
  expect(after.tracks).toHaveLength(0);

  expect(await victim.evaluate(() => window.lkTest.messages())).toEqual([]);
  await svc.removeParticipant(room, 'victim');
  await expect.poll(async () => (await eventsOf(victim, 'disconnected')).map((e) => e.reason)).toEqual([PARTICIPANT_REMOVED]);
  await expect.poll(async () => (await eventsOf(viewer, 'participantDisconnected')).map((e) => e.participant)).toContain('victim');

  await svc.deleteRoom(room);
  for (const page of [pub, viewer]) {
    await expect.poll(async () => (await eventsOf(page, 'disconnected')).map((e) => e.reason)).toEqual([ROOM_DELETED]);
  }
  expect((await svc.listRooms()).map((r) => r.name)).not.toContain(room);

  // Failures surface in the SDK as Twirp errors (grant checks with hand-made tokens are in
  // src/main/rehearsal/roomService.test.ts; the SDK always signs the right grant).
  const wrongKey = roomService(server, DEV_API_KEY, 'not-the-secret');
  await expect(wrongKey.listRooms()).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
  await expect(svc.getParticipant('no-such-room', 'x')).rejects.toMatchObject({ status: 404, code: 'not_found' });
});

test('tokens and permissions are enforced', async ({ browser }) => {
  const page = await openPage(browser);
  const bad = await liveKitToken({ identity: 'mallory', room: 'perm', apiSecret: 'wrong-secret' });
  const badResult = await page.evaluate(([url, t]) => window.lkTest.tryConnect(url, t), [server.url, bad] as const);
  expect(badResult).toMatchObject({ ok: false, reason: NOT_ALLOWED, status: 401 });

  const expired = await liveKitToken({ identity: 'mallory', room: 'perm', ttl: -60 });
  const expiredResult = await page.evaluate(([url, t]) => window.lkTest.tryConnect(url, t), [server.url, expired] as const);
  expect(expiredResult).toMatchObject({ ok: false, reason: NOT_ALLOWED, status: 401 });

  const viewerOnly = await join(browser, 'perm', 'viewer-only', { canPublish: false });
  await expect(viewerOnly.evaluate(() => window.lkTest.publishCamera(320, 180))).rejects.toThrow();

  const camOnly = await join(browser, 'perm', 'cam-only', { canPublishSources: [TrackSource.CAMERA] });
  await expect(camOnly.evaluate(() => window.lkTest.publishCanvasScreenShare(320, 180))).rejects.toThrow();
  await camOnly.evaluate(() => window.lkTest.publishCamera(320, 180));

  const noSubscribe = await join(browser, 'perm', 'no-subscribe', { canSubscribe: false });
  await pollDecoded(viewerOnly, ['camera']);
  const seen = await noSubscribe.evaluate(() => window.lkTest.participants());
  expect(seen.find((p) => p.identity === 'cam-only')?.tracks.map((t) => t.subscribed)).toEqual([false]);

  // Joining again with the same identity replaces the first session.
  await join(browser, 'perm', 'viewer-only', { canPublish: false });
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
    const page = await join(browser, 'hooks', 'host', {}, hooked);
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
