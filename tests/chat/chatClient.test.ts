import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ChatClient, type ChatClientEvents, type ChatSocketLike } from '../../src/shared/chatClient';
import { listMessagesAfter } from '../../src/main/db/chat/chatMessages';
import { mintChatToken, startChatServer, TestClient, type TestChatServer } from '../support/chat/server';

function once<E extends keyof ChatClientEvents>(client: ChatClient, event: E, match: (v: ChatClientEvents[E]) => boolean = () => true) {
  return new Promise<ChatClientEvents[E]>((resolve) => {
    const stop = client.on(event, (...args) => {
      const value = args[0] as ChatClientEvents[E]; // undefined for `void` events, which match() ignores
      if (!match(value)) return;
      stop();
      resolve(value);
    });
  });
}

const createSocket = (url: string) => new WebSocket(url) as unknown as ChatSocketLike;

describe('shared ChatClient against the real server', () => {
  let server: TestChatServer;
  const toClose: { close(): void }[] = [];
  afterEach(async () => {
    for (const c of toClose.splice(0)) c.close();
    await server.close();
  });

  it('reconnects after a drop and ends with every message exactly once, including its own unacked send', async () => {
    server = await startChatServer({ rules: { rateLimit: { messages: 1000, perSeconds: 1 }, repeatedText: 'off' } });
    const client = new ChatClient({
      url: server.url({ token: await mintChatToken(server.roomName, 'reader') }),
      createSocket,
      backoff: { initialMs: 5, maxMs: 20 },
    });
    toClose.push(client);
    const welcomed = once(client, 'welcome');
    client.connect();
    await welcomed;
    const other = await TestClient.join(server.url({ token: await mintChatToken(server.roomName, 'other') }));
    toClose.push(other);
    for (let i = 0; i < 5; i += 1) await other.request({ type: 'send', text: `before ${i}` });
    if (client.messages.length < 5) await once(client, 'messages', (m) => m.length === 5);

    // The server drops the client; messages keep coming while it reconnects.
    const reconnecting = once(client, 'state', (s) => s === 'reconnecting');
    for (const peer of server.chat.hub.room(server.streamId).peers) if (peer.who.identity === 'reader') peer.socket.terminate();
    await reconnecting;
    const mine = client.send('sent while offline');
    for (let i = 0; i < 5; i += 1) await other.request({ type: 'send', text: `during ${i}` });
    const ack = await mine;
    expect(ack.status).toBe('visible');
    if (client.messages.length < 11) await once(client, 'messages', (m) => m.length === 11);

    const ids = client.messages.map((m) => m.id);
    expect(new Set(ids).size).toBe(11);
    expect(client.messages.map((m) => m.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(listMessagesAfter(server.db, server.streamId, 0, 100).messages.map((m) => m.id)).toEqual(ids);
    expect(client.lastSeq).toBe(11);
  });

  it('removes deleted messages and reports refusals as fatal without retrying', async () => {
    server = await startChatServer();
    const client = new ChatClient({ url: server.url({ token: await mintChatToken(server.roomName, 'reader') }), createSocket });
    toClose.push(client);
    const welcomed = once(client, 'welcome');
    client.connect();
    await welcomed;
    const sent = await client.send('oops');
    if (client.messages.length < 1) await once(client, 'messages', (m) => m.length === 1);
    const deleted = once(client, 'deleted');
    await server.chat.moderation.deleteMessage(sent.id, 'host');
    expect(await deleted).toBe(sent.id);
    expect(client.messages).toEqual([]);
    await expect(client.act({ type: 'delete', messageId: 'whatever' })).rejects.toMatchObject({ code: 'forbidden' });

    const forged = new ChatClient({
      url: server.url({ token: await mintChatToken(server.roomName, 'x', 'viewer', 'wrong-secret') }),
      createSocket,
    });
    toClose.push(forged);
    const fatal = once(forged, 'fatal');
    forged.connect();
    expect((await fatal).code).toBe(4401);
    expect(forged.state).toBe('closed');
  });
});
