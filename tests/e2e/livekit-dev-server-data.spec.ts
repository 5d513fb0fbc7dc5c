/**
 * End-to-end checks of the rehearsal server (src/main/rehearsal) with the real livekit-client (in
 * Chromium) and livekit-server-sdk (in Node) — data packets and RoomService calls. Every wait is on a condition.
 */
import { expect, test, type Page } from '@playwright/test';
import { DataPacket_Kind } from 'livekit-server-sdk';
import { DEV_API_KEY, roomService } from '../support/e2e/livekitDevServer';
import { eventsOf, PARTICIPANT_REMOVED, ROOM_DELETED, useLiveKitPages } from '../support/e2e/livekitPages';

const lk = useLiveKitPages();

test('data packets and lk.chat text streams reach the right participants only', async ({ browser }) => {
  const room = 'data';
  const [alice, bob, carol, mute] = await Promise.all([
    lk.join(browser, room, 'alice'),
    lk.join(browser, room, 'bob'),
    lk.join(browser, room, 'carol'),
    lk.join(browser, room, 'mute', { canPublishData: false }),
  ]);
  for (const page of [alice, bob, carol]) {
    await expect.poll(() => page.evaluate(() => window.lkTest.participants().length)).toBe(3);
  }

  // The client may already refuse to send without the grant; either way no one may receive it.
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
  const svc = roomService(lk.server());
  const pub = await lk.join(browser, room, 'publisher');
  const camSid = await pub.evaluate(() => window.lkTest.publishCamera(640, 360));
  const [viewer, victim] = await Promise.all([lk.join(browser, room, 'viewer'), lk.join(browser, room, 'victim')]);
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
  const wrongKey = roomService(lk.server(), DEV_API_KEY, 'not-the-secret');
  await expect(wrongKey.listRooms()).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
  await expect(svc.getParticipant('no-such-room', 'x')).rejects.toMatchObject({ status: 404, code: 'not_found' });
});
