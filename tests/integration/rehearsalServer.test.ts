import { createServer, type Server } from 'node:net';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameClient, startTestApp, type TestApp } from '../support/testApp';

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

async function portAnswers(): Promise<boolean> {
  try {
    await fetch(DEFAULT_HTTP, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
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

    const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    const changed = owner.next((frame) => frame.type === 'event' && frame.event === 'settings.changed' && JSON.stringify(frame).includes('"mode":"configured"'));
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
