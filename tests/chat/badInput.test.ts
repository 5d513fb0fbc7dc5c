import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { listMessagesAfter } from '../../src/main/db/chat/chatMessages';
import { createStream } from '../../src/main/db/history/streams';
import { mintChatToken, startChatServer, TestClient, type TestChatServer } from '../support/chat/server';

/**
 * Every kind of bad input gets an error code, stores and broadcasts nothing, and leaves the
 * server working for everyone else.
 */
describe('chat socket: bad input', () => {
  let server: TestChatServer;
  let bystander: TestClient;
  let bad: TestClient;
  const extra: TestClient[] = [];

  beforeEach(async () => {
    server = await startChatServer({ rules: { rateLimit: { messages: 5, perSeconds: 60 }, repeatedText: 'off' } });
    bystander = await TestClient.join(server.url({ token: await mintChatToken(server.roomName, 'bystander') }));
    bad = await TestClient.join(server.url({ token: await mintChatToken(server.roomName, 'mallory') }));
  });

  afterEach(async () => {
    for (const c of [bystander, bad, ...extra.splice(0)]) c.ws.terminate();
    await server.close();
  });

  const stored = () => listMessagesAfter(server.db, server.streamId, 0, 1000).messages.length;

  /** The server still works for others: a fresh message reaches the bystander. */
  async function serverStillWorks(): Promise<void> {
    const other = await TestClient.join(server.url({ token: await mintChatToken(server.roomName, `ok-${Math.random()}`) }));
    extra.push(other);
    const ack = await other.request({ type: 'send', text: 'still here' });
    expect(ack).toMatchObject({ type: 'ack', status: 'visible' });
    const id = ack.type === 'ack' ? ack.id : '';
    await bystander.next('message', (f) => f.message.id === id);
    expect(bystander.of('message')).toHaveLength(1);
  }

  it('malformed JSON → bad_request, connection stays up', async () => {
    bad.sendRaw('{"type": "send", "text": ');
    expect(await bad.next('error')).toMatchObject({ code: 'bad_request' });
    expect(await bad.request({ type: 'react', reaction: 'nope' })).toMatchObject({ type: 'error', code: 'bad_request' });
    bad.sendRaw(Buffer.from([1, 2, 3]));
    expect((await bad.next('error', (f) => f.message.includes('JSON text'))).code).toBe('bad_request');
    expect(bad.ws.readyState).toBe(WebSocket.OPEN);
    expect(stored()).toBe(0);
    await serverStillWorks();
  });

  it('unknown frame type → unknown_type; wrong field types → bad_request', async () => {
    bad.sendRaw(JSON.stringify({ type: 'launch_missiles' }));
    expect(await bad.next('error')).toMatchObject({ code: 'unknown_type' });
    expect(await bad.request({ type: 'send', text: 42 })).toMatchObject({ type: 'error', code: 'bad_request' });
    expect(await bad.request({ type: 'send', text: 'x', extra: true })).toMatchObject({ type: 'error', code: 'bad_request' });
    expect(stored()).toBe(0);
    await serverStillWorks();
  });

  it('oversize frame (over 16 KiB) → socket closed with 1009, others unaffected', async () => {
    bad.sendRaw(JSON.stringify({ type: 'send', text: 'x'.repeat(20_000) }));
    expect((await bad.closed).code).toBe(1009);
    expect(stored()).toBe(0);
    await serverStillWorks();
  });

  it('a message over 500 characters → too_large, not stored', async () => {
    expect(await bad.request({ type: 'send', text: 'y'.repeat(501) })).toMatchObject({ type: 'error', code: 'too_large' });
    expect(stored()).toBe(0);
    await serverStillWorks();
  });

  it('forged token (wrong secret) → unauthorized and 4401, no welcome', async () => {
    const forged = await mintChatToken(server.roomName, 'forger', 'host', 'not-the-secret');
    const client = await TestClient.connect(server.url({ token: forged }));
    extra.push(client);
    expect(await client.next('error')).toMatchObject({ code: 'unauthorized' });
    expect((await client.closed).code).toBe(4401);
    expect(client.of('welcome')).toEqual([]);
    const noAuth = await TestClient.connect(server.url({ room: server.roomName }));
    extra.push(noAuth);
    expect((await noAuth.closed).code).toBe(4401);
    await serverStillWorks();
  });

  it('token for another room → forbidden (4403); a room without a stream → not_found (4404)', async () => {
    createStream(server.db, { id: 'other-stream', roomName: 'room-2', title: 'Other', tags: [], mode: 'camera_grid', startedAt: 1 });
    const token = await mintChatToken('room-2', 'x');
    const wrongRoom = await TestClient.connect(server.url({ token, room: server.roomName }));
    extra.push(wrongRoom);
    expect(await wrongRoom.next('error')).toMatchObject({ code: 'forbidden' });
    expect((await wrongRoom.closed).code).toBe(4403);
    const nowhere = await TestClient.connect(server.url({ token: await mintChatToken('no-such-room', 'y') }));
    extra.push(nowhere);
    expect((await nowhere.closed).code).toBe(4404);
    await serverStillWorks();
  });

  it('cross-origin upgrade is refused before the handshake', async () => {
    const token = await mintChatToken(server.roomName, 'evil');
    const ws = new WebSocket(server.url({ token }), { headers: { Origin: 'https://evil.example' } });
    const status = await new Promise<number | undefined>((resolve) => {
      ws.on('unexpected-response', (req, res) => {
        resolve(res.statusCode);
        req.destroy();
      });
      ws.on('error', () => undefined);
      ws.on('open', () => resolve(undefined));
    });
    expect(status).toBe(403);
    await serverStillWorks();
  });

  it('flooding past the rate limit → rate_limited with a retry time, only the allowed messages stored and broadcast', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => bad.request({ type: 'send', text: `flood ${i}` })));
    const acks = answers.filter((a) => a.type === 'ack');
    const errors = answers.filter((a) => a.type === 'error');
    expect(acks).toHaveLength(5);
    expect(errors).toHaveLength(15);
    expect(errors.every((e) => e.type === 'error' && e.code === 'rate_limited' && (e.retryAfterMs ?? 0) > 0)).toBe(true);
    expect(stored()).toBe(5);
    await bystander.next('message', (f) => f.message.seq === 5);
    expect(bystander.of('message')).toHaveLength(5);
    const ack = await (async () => {
      const other = await TestClient.join(server.url({ token: await mintChatToken(server.roomName, 'calm') }));
      extra.push(other);
      return other.request({ type: 'send', text: 'unaffected' });
    })();
    expect(ack).toMatchObject({ type: 'ack', seq: 6 });
  });
});
