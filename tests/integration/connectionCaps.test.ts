import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { mintToken } from '../../src/main/tokens/livekitTokens';
import { FakeRooms } from '../support/fakeRooms';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { valueOf } from '../support/contractCall';
import { redeemLink } from '../support/sessionLinks';

let t: TestApp;
const opened: WebSocket[] = [];
afterEach(async () => {
  for (const socket of opened.splice(0)) socket.terminate();
  await t?.close();
});

/** Opens a socket; resolves with it once open, or with the HTTP status that refused it. */
function connect(url: string): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      opened.push(socket);
      resolve(socket);
    });
    socket.once('unexpected-response', (_req, res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    socket.once('error', reject);
  });
}

async function viewerToken(roomName: string, identity: string): Promise<string> {
  return mintToken(t.app.settings.livekitCredentials(), 'viewer', { room: roomName, identity, name: identity });
}

async function liveRoom(): Promise<string> {
  return (await t.app.streams.start({ title: 'Show', mode: 'screen_guests' })).roomName;
}

describe('connection caps protect the owner', () => {
  it('one viewer identity may hold 10 chat sockets; the 11th is refused while others and the owner still connect', async () => {
    t = await startTestApp({ rooms: new FakeRooms() });
    const room = await liveRoom();
    const token = await viewerToken(room, 'hoarder');
    for (let i = 0; i < 10; i += 1) expect(await connect(t.wsUrl('/chat', { token }))).toBeInstanceOf(WebSocket);
    expect(await connect(t.wsUrl('/chat', { token }))).toBe(429);
    // Same address, another viewer: not affected by the hoarder.
    expect(await connect(t.wsUrl('/chat', { token: await viewerToken(room, 'honest') }))).toBeInstanceOf(WebSocket);
    expect(await connect(t.wsUrl('/chat', { session: t.app.ownerToken, room }))).toBeInstanceOf(WebSocket);
  });

  it('an upgrade flood from one address is refused with 429; the owner on that address still gets control and chat', async () => {
    t = await startTestApp({ rooms: new FakeRooms() });
    const room = await liveRoom();
    const tokens = await Promise.all(Array.from({ length: 45 }, (_, i) => viewerToken(room, `bot-${i}`)));
    const answers = await Promise.all(tokens.map((token) => connect(t.wsUrl('/chat', { token }))));
    // 30 at once per address, refilled at 2 a second: most of the rest are refused.
    expect(answers.filter((answer) => answer instanceof WebSocket).length).toBeGreaterThanOrEqual(30);
    expect(answers.filter((answer) => answer === 429).length).toBeGreaterThan(5);
    const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    expect((await owner.call('settings.get')).ok).toBe(true);
    expect(await connect(t.wsUrl('/chat', { session: t.app.ownerToken, room }))).toBeInstanceOf(WebSocket);
    owner.close();
  });

  it('at the global ceiling hostile sockets get 503 and the owner uses the reserved room', async () => {
    t = await startTestApp({ rooms: new FakeRooms(), sockets: { ceiling: 12, ownerReserve: 2 } });
    for (let i = 0; i < 10; i += 1) expect(await connect(t.wsUrl('/events'))).toBeInstanceOf(WebSocket);
    expect(await connect(t.wsUrl('/events'))).toBe(503);
    const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    expect((await owner.call('settings.get')).ok).toBe(true);
    // A moderator is not the owner: the reserve is not theirs.
    const moderatorLink = valueOf(await owner.call('moderation.createModeratorLink', { label: 'Mo' }));
    const moderator = await redeemLink(moderatorLink.url);
    expect(await connect(t.wsUrl('/control', { session: moderator }))).toBe(503);
    owner.close();
  });

  it('300 junk frames on one chat socket: a few are answered, then rate_limited, then the socket is closed', async () => {
    t = await startTestApp({ rooms: new FakeRooms() });
    const room = await liveRoom();
    const flooder = (await connect(t.wsUrl('/chat', { token: await viewerToken(room, 'flooder') }))) as WebSocket;
    const codes: string[] = [];
    flooder.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; code?: string };
      if (frame.type === 'error') codes.push(frame.code!);
    });
    const closed = new Promise<number>((resolve) => flooder.once('close', (code) => resolve(code)));
    for (let i = 0; i < 300; i += 1) flooder.send('not json');
    expect(await closed).toBe(1008);
    expect(codes.filter((code) => code === 'bad_request').length).toBeLessThanOrEqual(40);
    expect(codes).toContain('rate_limited');

    // An honest chatter is unaffected.
    const honest = await FrameClient.open(t.wsUrl('/chat', { token: await viewerToken(room, 'honest') }));
    await honest.next((frame) => frame.type === 'welcome');
    honest.socket.send(JSON.stringify({ type: 'send', ref: 'r1', text: 'hello' }));
    expect(await honest.next((frame) => frame.ref === 'r1')).toMatchObject({ type: 'ack' });
    honest.close();
  });

  it('a moderator console that floods calls is closed; the owner is never throttled', async () => {
    t = await startTestApp({ rooms: new FakeRooms() });
    const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    const link = valueOf(await owner.call('moderation.createModeratorLink', { label: 'Mo' }));
    const moderator = await FrameClient.open(t.wsUrl('/control', { session: await redeemLink(link.url) }));
    const closed = new Promise<number>((resolve) => moderator.socket.once('close', (code) => resolve(code)));
    for (let i = 0; i < 300; i += 1) moderator.socket.send('{}');
    expect(await closed).toBe(1008);
    const answers = await Promise.all(Array.from({ length: 150 }, () => owner.call('settings.get')));
    expect(answers.every((answer) => answer.ok)).toBe(true);
    owner.close();
  });
});
