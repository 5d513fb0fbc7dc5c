import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { mintChatToken, startChatServer, TestClient, type TestChatServer } from '../support/chat/server';

/** A client that completes the WebSocket handshake by hand and then behaves badly. */
async function rawClient(port: number, path: string): Promise<{ socket: Socket; closed: Promise<void> }> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await new Promise<void>((resolve) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) {
        socket.off('data', onData);
        resolve();
      }
    };
    socket.on('data', onData);
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, closed };
}

describe('chat socket robustness', () => {
  let server: TestChatServer;
  afterEach(async () => {
    await server.close();
  });

  it('heartbeat drops a peer that stops answering pings', async () => {
    server = await startChatServer({ tuning: { heartbeatMs: 30 } });
    const token = await mintChatToken(server.roomName, 'zombie');
    const { socket, closed } = await rawClient(server.port, `/chat?token=${token}`);
    socket.on('data', () => undefined); // reads, never answers a ping
    expect(server.chat.hub.peerCount(server.streamId)).toBe(1);
    await closed;
    expect(server.chat.hub.peerCount(server.streamId)).toBe(0);
  });

  it('cuts off a client that never reads, while a reading client gets every message', { timeout: 90_000 }, async () => {
    server = await startChatServer({ tuning: { maxBufferedBytes: 64 * 1024 } });
    const token = await mintChatToken(server.roomName, 'stuck');
    const stuck = await rawClient(server.port, `/chat?token=${token}`);
    stuck.socket.pause();
    const reader = await TestClient.join(server.url({ token: await mintChatToken(server.roomName, 'reader') }));
    const host = { identity: 'host', name: 'Host', role: 'host' as const };
    const room = server.chat.hub.room(server.streamId);
    const stuckIsConnected = () => [...room.peers].some((p) => p.who.identity === 'stuck');
    let sent = 0;
    // Push until the server gives up on the stuck client (kernel buffers absorb the first few MB).
    while (stuckIsConnected() && sent < 60_000) {
      await Promise.all(Array.from({ length: 250 }, () => server.chat.sender.send(server.streamId, host, 'z'.repeat(480))));
      sent += 250;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect(stuckIsConnected()).toBe(false);
    await reader.next('message', (f) => f.message.seq === sent);
    expect(reader.of('message')).toHaveLength(sent);
    reader.ws.terminate();
    stuck.socket.destroy();
  });

  it('closes clients with 1001 on shutdown after answering what it already accepted', async () => {
    server = await startChatServer();
    const client = await TestClient.join(server.url({ token: await mintChatToken(server.roomName, 'v') }));
    const ack = client.request({ type: 'send', text: 'last words' });
    await client.next('ack');
    const closing = server.close();
    expect((await client.closed).code).toBe(1001);
    await closing;
    expect(await ack).toMatchObject({ type: 'ack', seq: 1 });
    // afterEach closes again; make that a no-op.
    server = { ...server, close: async () => undefined };
  });
});
