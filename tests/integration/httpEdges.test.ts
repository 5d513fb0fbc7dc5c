import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeRooms } from '../support/fakeRooms';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
afterEach(async () => t?.close());

interface RawExchange {
  socket: Socket;
  /** Everything the server sent, once it closed the connection. */
  closed: Promise<{ text: string; error: string | null }>;
}

/** A hand-written chunked POST (no Content-Length), so the server learns the size only by reading. */
function chunkedPost(path: string): RawExchange {
  const { port } = new URL(t.baseUrl);
  const socket = connect(Number(port), '127.0.0.1');
  socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  const closed = new Promise<{ text: string; error: string | null }>((resolve) => {
    let error: string | null = null;
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => resolve({ text: Buffer.concat(received).toString('utf8'), error }));
  });
  return { socket, closed };
}

function chunk(data: string): string {
  return `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;
}

function envelopeOf(text: string): unknown {
  return JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
}

describe('HTTP edges', () => {
  it('an oversize chunked body gets a 413 envelope and then the connection is closed, not reset', async () => {
    t = await startTestApp({ rooms: new FakeRooms() });
    const { socket, closed } = chunkedPost('/api/watch/token');
    socket.write(chunk(`{"name":"${'x'.repeat(4000)}`));
    for (let i = 0; i < 16; i += 1) socket.write(chunk('y'.repeat(4096)));
    socket.write(chunk('"}'));
    socket.write('0\r\n\r\n');
    const { text, error } = await closed;
    expect(error).toBeNull();
    expect(text.startsWith('HTTP/1.1 413 ')).toBe(true);
    expect(text).toMatch(/\r\nConnection: close\r\n/iu);
    expect(envelopeOf(text)).toEqual({ ok: false, error: { code: 'too_large', message: 'Body exceeds 4096 bytes' } });

    // Honest clients are unaffected: a small chunked body on a new connection is answered normally.
    const honest = chunkedPost('/api/watch/token');
    honest.socket.end(`${chunk('{"name":"Ana"}')}0\r\n\r\n`);
    const answer = await Promise.race([
      honest.closed,
      new Promise<{ text: string }>((resolve) => honest.socket.once('data', (d: Buffer) => resolve({ text: d.toString() }))),
    ]);
    expect(answer.text.startsWith('HTTP/1.1 200 ')).toBe(true);
    honest.socket.destroy();
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
  });

  it('a client that never stops sending still reads its 413, then is cut off', async () => {
    t = await startTestApp({ rooms: new FakeRooms() });
    const { socket, closed } = chunkedPost('/api/watch/token');
    const answered = new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString('utf8'))));
    const pump = setInterval(() => {
      if (socket.writable) socket.write(chunk('z'.repeat(8192)));
    }, 10);
    try {
      expect((await answered).startsWith('HTTP/1.1 413 ')).toBe(true);
      const { text } = await closed;
      expect(envelopeOf(text)).toMatchObject({ error: { code: 'too_large' } });
    } finally {
      clearInterval(pump);
    }
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
  });
});
