import { afterEach, describe, expect, it } from 'vitest';
import { getStream, listStreams } from '../../src/main/db/history/streams';
import { listViewerSamples } from '../../src/main/db/history/viewerSamples';
import { startDevServer } from '../../src/main/rehearsal/index';
import { FakeRooms } from '../support/fakeRooms';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { valueOf, type ParamsOf } from '../support/contractCall';
import { participantEvent, signWebhook } from '../support/webhooks';

let t: TestApp;
afterEach(async () => t?.close());

async function postWebhook(body: string, authorization?: string): Promise<number> {
  const response = await fetch(`${t.baseUrl}/webhooks/livekit`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/webhook+json', ...(authorization ? { Authorization: authorization } : {}) },
    body,
  });
  return response.status;
}

describe('going live (main side)', () => {
  it('creates the room with program metadata, writes a live row and mints a host token', async () => {
    const rooms = new FakeRooms();
    t = await startTestApp({ rooms });
    const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    const started = await owner.call('stream.start', { title: 'Launch day', tags: ['demo'], mode: 'screen_guests' });
    expect(started.ok).toBe(true);
    const session = valueOf(started);
    expect(JSON.parse(rooms.rooms.get(session.roomName)!)).toEqual({
      v: 1,
      title: 'Launch day',
      mode: 'screen_guests',
      layout: { main: 'screen', camera: 'pip' },
    });
    expect(getStream(t.app.db, session.streamId)).toMatchObject({ status: 'live', title: 'Launch day', tags: ['demo'] });
    expect(session.watchUrl).toBe(`${t.baseUrl}/watch`);
    expect(session.hostToken.split('.')).toHaveLength(3);
    // Only one stream at a time.
    expect(await owner.call('stream.start', { title: 'Second', mode: 'voice_only' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    owner.close();
  });

  it('an unreachable LiveKit leaves no stream row at all', async () => {
    // The real RoomService gateway against a port nothing listens on: its own classification runs.
    t = await startTestApp();
    const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    expect((await owner.call('settings.update', { livekit: { url: 'ws://127.0.0.1:1' } })).ok).toBe(true);
    expect(await owner.call('stream.start', { title: 'Nope', mode: 'voice_only' })).toMatchObject({
      ok: false,
      error: { code: 'livekit_unreachable' },
    });
    expect(listStreams(t.app.db, { limit: 10, cursor: null }).total).toBe(0);
    owner.close();
  });

  it('a LiveKit server that refuses the key leaves no stream row and says so', async () => {
    const livekit = await startDevServer({ port: 0, keys: { otherkey: 'othersecret' } });
    try {
      t = await startTestApp();
      const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
      expect((await owner.call('settings.update', { livekit: { url: livekit.url } })).ok).toBe(true);
      expect(await owner.call('stream.start', { title: 'Nope', mode: 'voice_only' })).toMatchObject({
        ok: false,
        error: { code: 'livekit_unauthorized' },
      });
      expect(listStreams(t.app.db, { limit: 10, cursor: null }).total).toBe(0);
      owner.close();
    } finally {
      await livekit.close();
    }
  });

  it("counts unique viewers and watch time from the host's own view of the room, without webhooks", async () => {
    const rooms = new FakeRooms();
    t = await startTestApp({ rooms });
    const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    const session = valueOf(await owner.call('stream.start', { title: 'No webhooks', mode: 'voice_only' }));
    const report = (params: Omit<ParamsOf<'stream.reportRoomView'>, 'streamId'>) =>
      owner.call('stream.reportRoomView', { streamId: session.streamId, ...params });
    expect(
      (
        await report({
          viewers: 2,
          joined: [
            { identity: 'viewer-a', name: 'Amber Owl 12' },
            { identity: 'viewer-b', name: 'Calm Fox 33' },
          ],
        })
      ).ok,
    ).toBe(true);
    // The same join reported again (a heartbeat, a studio reload) is still one session.
    expect((await report({ viewers: 2, joined: [{ identity: 'viewer-a', name: 'Amber Owl 12' }] })).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await report({ viewers: 1, left: ['viewer-b'] })).ok).toBe(true);
    expect((await owner.call('stream.end', { streamId: session.streamId })).ok).toBe(true);
    const detail = valueOf(await owner.call('history.detail', { id: session.streamId }));
    expect(detail.viewers).toMatchObject({ source: 'sessions', unique: 2 });
    expect(detail.viewers.totalWatchMs).toBeGreaterThan(0);
    const sessions = t.app.db
      .prepare('SELECT identity, name FROM participant_sessions WHERE stream_id = ? ORDER BY identity')
      .all(session.streamId);
    expect(sessions).toEqual([
      { identity: 'viewer-a', name: 'Amber Owl 12' },
      { identity: 'viewer-b', name: 'Calm Fox 33' },
    ]);
    owner.close();
  });

  it('a viewer reported by both a webhook and the room view is one session, closed by whichever leave comes first', async () => {
    const rooms = new FakeRooms();
    t = await startTestApp({ rooms });
    const session = await t.app.streams.start({ title: 'Both', mode: 'voice_only' });
    const { apiKey, apiSecret } = t.app.settings.livekitCredentials();
    const joined = participantEvent('participant_joined', session.roomName, 'viewer-x', 'viewer');
    expect(await postWebhook(joined, await signWebhook(joined, apiKey, apiSecret))).toBe(200);
    t.app.streams.reportRoomView(session.streamId, 1, [{ identity: 'viewer-x', name: 'viewer-x' }]);
    t.app.streams.reportRoomView(session.streamId, 0, [], ['viewer-x']);
    const left = participantEvent('participant_left', session.roomName, 'viewer-x', 'viewer');
    expect(await postWebhook(left, await signWebhook(left, apiKey, apiSecret))).toBe(200);
    const rows = t.app.db.prepare('SELECT left_at FROM participant_sessions WHERE stream_id = ?').all(session.streamId) as {
      left_at: number | null;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.left_at).not.toBeNull();
  });

  it('abort after a failed publish removes the room and the row', async () => {
    const rooms = new FakeRooms();
    t = await startTestApp({ rooms });
    const session = await t.app.streams.start({ title: 'Will fail', mode: 'camera_grid' });
    await t.app.streams.abort(session.streamId, 'publish_failed');
    expect(rooms.rooms.size).toBe(0);
    expect(getStream(t.app.db, session.streamId)).toBeUndefined();
    expect(await t.app.streams.current()).toBeNull();
  });

  it('ending deletes the room and finalises duration, peak and average', async () => {
    const rooms = new FakeRooms();
    t = await startTestApp({ rooms });
    const session = await t.app.streams.start({ title: 'Show', mode: 'screen_guests' });
    t.app.streams.reportRoomView(session.streamId, 3);
    const ended = await t.app.streams.end(session.streamId);
    expect(rooms.rooms.size).toBe(0);
    expect(ended).toMatchObject({ status: 'ended', peakViewers: 3, endReason: 'host_ended' });
    expect(ended.durationMs).toBeGreaterThanOrEqual(0);
    expect(listViewerSamples(t.app.db, session.streamId).at(-1)?.viewers).toBe(3);
    await expect(t.app.streams.end(session.streamId)).rejects.toThrow(/no longer live/);
  });
});

describe('LiveKit webhooks', () => {
  it('verified viewer joins and leaves drive the count; other roles do not', async () => {
    t = await startTestApp({ rooms: new FakeRooms() });
    const session = await t.app.streams.start({ title: 'Show', mode: 'screen_guests' });
    const { apiKey, apiSecret } = t.app.settings.livekitCredentials();
    const send = async (body: string) => postWebhook(body, await signWebhook(body, apiKey, apiSecret));
    expect(await send(participantEvent('participant_joined', session.roomName, 'viewer-aaaaaaaa', 'viewer'))).toBe(200);
    expect(await send(participantEvent('participant_joined', session.roomName, 'viewer-bbbbbbbb', 'viewer'))).toBe(200);
    expect(await send(participantEvent('participant_joined', session.roomName, 'host', 'host'))).toBe(200);
    expect(t.app.streams.liveStream()!.counter.current()).toEqual({ streamId: session.streamId, viewers: 2, peak: 2, source: 'webhook' });
    await send(participantEvent('participant_left', session.roomName, 'viewer-aaaaaaaa', 'viewer'));
    expect(t.app.streams.liveStream()!.counter.current()).toMatchObject({ viewers: 1, peak: 2 });
    // Once webhooks arrive, the host's own room view no longer sets the count.
    t.app.streams.reportRoomView(session.streamId, 40);
    expect(t.app.streams.liveStream()!.counter.current()).toMatchObject({ viewers: 1 });
    const sessions = t.app.db.prepare('SELECT identity, role, left_at FROM participant_sessions ORDER BY id').all();
    expect(sessions).toEqual([
      { identity: 'viewer-aaaaaaaa', role: 'viewer', left_at: expect.any(Number) },
      { identity: 'viewer-bbbbbbbb', role: 'viewer', left_at: null },
      { identity: 'host', role: 'host', left_at: null },
    ]);
  });

  it('unsigned, forged and tampered webhooks get 401 and change nothing', async () => {
    t = await startTestApp({ rooms: new FakeRooms() });
    const session = await t.app.streams.start({ title: 'Show', mode: 'screen_guests' });
    const body = participantEvent('participant_joined', session.roomName, 'viewer-cccccccc', 'viewer');
    const { apiKey, apiSecret } = t.app.settings.livekitCredentials();
    expect(await postWebhook(body)).toBe(401);
    expect(await postWebhook(body, await signWebhook(body, apiKey, 'not-the-secret'))).toBe(401);
    const signed = await signWebhook(body, apiKey, apiSecret);
    expect(await postWebhook(body.replace('viewer-cccccccc', 'viewer-dddddddd'), signed)).toBe(401);
    expect(await postWebhook(body, `Bearer ${signed}`)).toBe(401);
    expect(t.app.streams.liveStream()!.counter.current()).toMatchObject({ viewers: 0, source: 'room' });
    expect(t.app.db.prepare('SELECT COUNT(*) AS n FROM participant_sessions').get()).toEqual({ n: 0 });
  });
});
