import { afterEach, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/main/tokens/livekitTokens';
import { FakeRooms } from '../support/fakeRooms';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { valueOf } from '../support/contractCall';

let t: TestApp;
afterEach(async () => t?.close());

interface Envelope<T> {
  ok: boolean;
  value: T;
  error?: { code: string; message: string };
}

async function post<T>(path: string, body: unknown): Promise<Envelope<T> & { status: number }> {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { ...((await response.json()) as Envelope<T>), status: response.status };
}

async function liveWithViewer() {
  t = await startTestApp({ rooms: new FakeRooms() });
  const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
  const started = await owner.call('stream.start', { title: 'Q&A night', mode: 'screen_guests' });
  const streamId = valueOf(started).streamId;
  const watch = await post<{ token: string; identity: string; reconnectTicket: string; raisedHands: boolean }>('/api/watch/token', {
    name: 'Vee',
  });
  return { owner, streamId, viewer: watch.value };
}

describe('raising a hand from the watch page', () => {
  it('gives the viewer a single-use guest link whose request lands in the queue marked as a raised hand', async () => {
    const { owner, streamId, viewer } = await liveWithViewer();
    expect(viewer.raisedHands).toBe(true);
    const raised = await post<{ link: string }>('/api/watch/hand', { token: viewer.token, name: 'Vee' });
    expect(raised).toMatchObject({ ok: true });
    const code = raised.value.link.split('/join/')[1]!;
    expect(raised.value.link).toBe(`${t.baseUrl}/join/${code}`);

    expect(await post('/api/guest/check', { code })).toMatchObject({
      value: { status: 'valid', role: 'guest', label: 'Vee', raisedHand: true },
    });
    // Not listed among the host's own invites.
    expect(await owner.call('invites.list')).toMatchObject({ ok: true, value: [] });

    const redeemed = await post<{ guestToken: string; identity: string }>('/api/guest/redeem', { code, name: 'Vee' });
    expect(await post('/api/guest/redeem', { code, name: 'Other' })).toMatchObject({ value: { status: 'refused', reason: 'used' } });
    expect(
      await post('/api/guest/request', { guestToken: redeemed.value.guestToken, devices: { camera: true, microphone: false } }),
    ).toMatchObject({ ok: true });
    const queue = await owner.call('moderation.list', { streamId, kind: 'stage_request' });
    expect(valueOf(queue).items).toEqual([
      expect.objectContaining({
        kind: 'stage_request',
        subject: expect.objectContaining({ identity: redeemed.value.identity, name: 'Vee' }),
        reason: 'Raised a hand on the watch page, camera ready, no mic',
      }),
    ]);
    owner.close();
  });

  it('refuses forged or foreign tokens, banned viewers, bad input, and hands when the host turned them off', async () => {
    const { owner, streamId, viewer } = await liveWithViewer();
    expect(await post('/api/watch/hand', { token: 'x'.repeat(40), name: 'Vee' })).toMatchObject({
      status: 401,
      error: { code: 'unauthorized' },
    });
    const credentials = t.app.settings.livekitCredentials();
    const roomName = t.app.streams.liveStream()!.stream.roomName;
    const otherRoom = await mintToken(credentials, 'viewer', { room: 'another-room', identity: 'viewer-elsewhere1', name: 'X' });
    expect(await post('/api/watch/hand', { token: otherRoom, name: 'X' })).toMatchObject({ status: 403 });
    const guestToken = await mintToken(credentials, 'waiting_guest', { room: roomName, identity: 'guest-abcdefgh', name: 'G' });
    expect(await post('/api/watch/hand', { token: guestToken, name: 'G' })).toMatchObject({ status: 403 });
    expect(await post('/api/watch/hand', { token: viewer.token, name: '   ' })).toMatchObject({
      status: 400,
      error: { code: 'bad_request' },
    });
    expect(await post('/api/watch/hand', { token: viewer.token, name: 'Vee', extra: 1 })).toMatchObject({ status: 400 });
    // Three hands in a row are fine; the fourth within the minute is too many.
    for (let i = 0; i < 3; i += 1) expect(await post('/api/watch/hand', { token: viewer.token, name: 'Vee' })).toMatchObject({ ok: true });
    expect(await post('/api/watch/hand', { token: viewer.token, name: 'Vee' })).toMatchObject({
      status: 429,
      error: { code: 'rate_limited' },
    });

    expect(await owner.call('chat.ban', { streamId, identity: viewer.identity, scope: 'stream', reason: 'spam' })).toMatchObject({
      ok: true,
    });
    // The banned viewer comes back with their reconnect ticket (a bare identity would get a fresh one).
    const banned = await post<{ token: string }>('/api/watch/token', { reconnectTicket: viewer.reconnectTicket });
    expect(await post('/api/watch/hand', { token: banned.value.token, name: 'Vee' })).toMatchObject({
      status: 403,
      error: { message: 'You cannot ask to join this stream' },
    });

    await owner.call('settings.update', { studio: { raisedHands: false } });
    const another = await post<{ token: string; raisedHands: boolean }>('/api/watch/token', {});
    expect(another.value.raisedHands).toBe(false);
    expect(await post('/api/watch/hand', { token: another.value.token, name: 'Zed' })).toMatchObject({
      status: 403,
      error: { message: 'The host is not taking raised hands right now' },
    });
    // Only the three accepted hands made invites.
    expect(t.app.db.prepare("SELECT COUNT(*) AS n FROM invites WHERE source = 'hand'").get()).toEqual({ n: 3 });
    owner.close();
  });
});
