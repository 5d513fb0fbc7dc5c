import { afterEach, describe, expect, it } from 'vitest';
import { mintChatToken, startChatServer, TestClient, type TestChatServer } from '../support/chat/server';

/**
 * Moderator frames on the chat socket act only on lower roles: a moderator cannot ban or time out
 * the host or another moderator, and nothing is written when they try.
 */
describe('chat socket: who may act on whom', () => {
  let server: TestChatServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    await server.close();
  });

  async function join(query: Record<string, string>): Promise<TestClient> {
    const client = await TestClient.join(server.url(query));
    clients.push(client);
    return client;
  }
  const moderator = (actor: string) => join({ session: server.sessions.create('moderator', actor), room: server.roomName });
  const count = (table: string) => (server.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('a moderator cannot ban or time out the host or another moderator; nothing is stored and they stay connected', async () => {
    server = await startChatServer();
    const ana = await moderator('moderator:ana');
    const bo = await moderator('moderator:bo');
    const host = await join({ session: server.sessions.create('owner', 'host'), room: server.roomName });
    const attacks = [
      { type: 'ban', identity: 'host', scope: 'always' },
      { type: 'timeout', identity: 'host', minutes: 10 },
      { type: 'ban', identity: 'moderator:bo', scope: 'stream' },
      { type: 'timeout', identity: 'moderator:bo', minutes: 5 },
    ];
    for (const frame of attacks) expect(await ana.request(frame)).toMatchObject({ type: 'error', code: 'forbidden' });
    expect({ bans: count('chat_bans'), timeouts: count('chat_timeouts'), audit: count('moderation_actions') }).toEqual({
      bans: 0,
      timeouts: 0,
      audit: 0,
    });

    // The targets were not disconnected or silenced.
    expect(await bo.request({ type: 'send', text: 'still here' })).toMatchObject({ type: 'ack', status: 'visible' });
    expect(await host.request({ type: 'send', text: 'me too' })).toMatchObject({ type: 'ack', status: 'visible' });
  });

  it('nobody bans the host, not even the owner; a guest-role token gets no moderator powers', async () => {
    server = await startChatServer();
    const host = await join({ session: server.sessions.create('owner', 'host'), room: server.roomName });
    expect(await host.request({ type: 'ban', identity: 'host', scope: 'stream' })).toMatchObject({ type: 'error', code: 'forbidden' });
    const guest = await join({ token: await mintChatToken(server.roomName, 'guest-abcdefgh', 'stage_guest') });
    expect(await guest.request({ type: 'ban', identity: 'viewer-abcdefgh', scope: 'stream' })).toMatchObject({
      type: 'error',
      code: 'forbidden',
    });
    expect(count('chat_bans')).toBe(0);
  });

  it('moderators still ban and time out viewers, and the owner may act on a moderator', async () => {
    server = await startChatServer();
    const viewer = await join({ token: await mintChatToken(server.roomName, 'viewer-abcdefgh') });
    const ana = await moderator('moderator:ana');
    expect(await ana.request({ type: 'timeout', identity: 'viewer-abcdefgh', minutes: 1 })).toMatchObject({ type: 'done' });
    expect(await ana.request({ type: 'ban', identity: 'viewer-abcdefgh', scope: 'stream' })).toMatchObject({ type: 'done' });
    expect((await viewer.next('error')).code).toBe('banned');
    const host = await join({ session: server.sessions.create('owner', 'host'), room: server.roomName });
    expect(await host.request({ type: 'timeout', identity: 'moderator:ana', minutes: 1 })).toMatchObject({ type: 'done' });
    expect(count('chat_bans')).toBe(1);
  });
});
