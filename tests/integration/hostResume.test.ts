import { RoomServiceClient } from 'livekit-server-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/main/rehearsal/index';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { present, valueOf } from '../support/contractCall';

/**
 * A studio that lost LiveKit asks main for the live session again (`stream.current`). When the
 * server restarted it has forgotten the room: main recreates it, re-applies the program and
 * hands out a fresh host token, instead of failing on "requested room does not exist". While the
 * server is still down the session is answered all the same, so the studio can keep retrying.
 */
let t: TestApp | undefined;
let livekit: DevServer | undefined;
afterEach(async () => {
  await t?.close();
  await livekit?.close();
  t = undefined;
  livekit = undefined;
});

describe('resuming a live stream after LiveKit went away', () => {
  it('recreates the room on a restarted server and re-applies the program', async () => {
    livekit = await startDevServer({ port: 0, keys: { devkey: 'secret' } });
    const port = livekit.port;
    t = await startTestApp();
    const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    expect((await owner.call('settings.update', { livekit: { url: livekit.url } })).ok).toBe(true);
    const started = await owner.call('stream.start', { title: 'Comeback', mode: 'screen_guests' });
    const { streamId, roomName } = valueOf(started);

    // Down: the session still comes back, with a token, for the next attempt.
    await livekit.close();
    livekit = undefined;
    const whileDown = await owner.call('stream.current', {});
    expect(whileDown).toMatchObject({ ok: true, value: { streamId, roomName } });

    // Back on the same port, without the room.
    livekit = await startDevServer({ port, keys: { devkey: 'secret' } });
    const admin = new RoomServiceClient(livekit.httpUrl, 'devkey', 'secret');
    expect(await admin.listRooms([roomName])).toEqual([]);
    const resumed = await owner.call('stream.current', {});
    expect(resumed).toMatchObject({ ok: true, value: { streamId, roomName } });
    expect(present(valueOf(resumed), 'the live session').hostToken.split('.')).toHaveLength(3);
    const [room] = await admin.listRooms([roomName]);
    expect(JSON.parse(room!.metadata)).toMatchObject({ v: 1, title: 'Comeback', mode: 'screen_guests', stage: { spotlight: null } });
    owner.close();
  });
});
