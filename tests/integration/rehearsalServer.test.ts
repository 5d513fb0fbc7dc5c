import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * The app's own rehearsal server: started in a worker thread when the settings hold the defaults
 * and nothing listens on :7880, stopped by real settings, left alone when another server is there.
 */
const WORKER = new URL('../../src/main/rehearsal/worker.ts', import.meta.url);
const DEFAULT_HTTP = 'http://127.0.0.1:7880';

let t: TestApp | undefined;
let squatter: Server | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  await new Promise<void>((resolve) => (squatter ? squatter.close(() => resolve()) : resolve()));
  squatter = undefined;
});

/** POSTs JSON with a chosen Host header (fetch does not let a caller set it). */
function postWithHost(url: string, host: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { Host: host, 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function portAnswers(): Promise<boolean> {
  try {
    await fetch(DEFAULT_HTTP, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    // Refused or timed out: nothing answers on the port, which is what this asks.
    return false;
  }
}

describe('the embedded rehearsal server', () => {
  it('runs with the default settings, accepts the default key, and stops when real settings are saved', async () => {
    t = await startTestApp({ rehearsalWorker: WORKER });
    expect(t.app.settings.view().livekitServer).toMatchObject({ mode: 'rehearsal', state: 'running' });
    expect(t.app.settings.view().livekitServer.message).toMatch(/^Local rehearsal server — viewers on this machine/);
    // A real LiveKit API client, with the defaults the studio uses, talks to it.
    const rooms = await new RoomServiceClient(DEFAULT_HTTP, 'devkey', 'secret').listRooms();
    expect(rooms).toEqual([]);

    // A page that reached the studio at a LAN address is sent to the rehearsal server at that address.
    await t.app.streams.start({ title: 'LAN rehearsal', mode: 'voice_only' });
    const answer = await postWithHost(`${t.baseUrl}/api/watch/token`, '192.168.1.20:7777', {});
    expect(answer).toMatchObject({ ok: true, value: { status: 'live', livekitUrl: 'ws://192.168.1.20:7880' } });

    const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    const changed = owner.next(
      (frame) => frame.type === 'event' && frame.event === 'settings.changed' && JSON.stringify(frame).includes('"mode":"configured"'),
    );
    expect((await owner.call('settings.update', { livekit: { url: 'wss://example.livekit.cloud', apiKey: 'APIreal' } })).ok).toBe(true);
    await changed;
    expect(t.app.settings.view().livekitServer).toMatchObject({ mode: 'configured', url: 'wss://example.livekit.cloud' });
    expect(await portAnswers()).toBe(false);
    owner.close();
  });

  it('leaves another server on the default port alone and says it uses that one', async () => {
    squatter = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => squatter!.listen(7880, '127.0.0.1', resolve));
    t = await startTestApp({ rehearsalWorker: WORKER });
    expect(t.app.settings.view().livekitServer).toMatchObject({ mode: 'external', url: 'ws://127.0.0.1:7880' });
  });

  it('never starts without a worker entry (--no-local-livekit)', async () => {
    t = await startTestApp();
    expect(t.app.settings.view().livekitServer.mode).toBe('configured');
    expect(await portAnswers()).toBe(false);
  });
});
