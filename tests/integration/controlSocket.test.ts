import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
let owner: FrameClient;

beforeAll(async () => {
  t = await startTestApp();
  owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
  await owner.next((frame) => frame.type === 'hello');
});
afterAll(async () => {
  owner.close();
  await t.close();
});

function refusalStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('open', () => reject(new Error('connection was accepted')));
    socket.once('error', () => undefined);
  });
}

describe('control socket', () => {
  it('greets an owner session with its role', async () => {
    const client = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    expect(await client.next((frame) => frame.type === 'hello')).toMatchObject({ role: 'owner' });
    client.close();
  });

  it('refuses a missing or wrong session token before the upgrade', async () => {
    expect(await refusalStatus(t.wsUrl('/control'))).toBe(401);
    expect(await refusalStatus(t.wsUrl('/control', { session: 'forged-token' }))).toBe(401);
  });

  it('refuses a cross-origin page even with a valid session', async () => {
    const status = await refusalStatus(t.wsUrl('/control', { session: t.app.ownerToken }), { Origin: 'https://evil.example' });
    expect(status).toBe(403);
  });

  it('answers a valid call with the result envelope', async () => {
    const result = await owner.call('settings.get');
    expect(result).toMatchObject({ ok: true, value: { livekit: { url: 'ws://127.0.0.1:7880', apiKey: 'devkey' } } });
  });

  it('malformed JSON gets an error frame and the socket stays usable', async () => {
    owner.socket.send('{not json');
    expect(await owner.next((frame) => frame.type === 'error')).toMatchObject({ error: { code: 'bad_request' } });
    expect((await owner.call('server.status')).ok).toBe(true);
  });

  it('an unknown method gets unknown_method', async () => {
    expect(await owner.callRaw('stream.launchRockets')).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('wrong param types get bad_request and change nothing', async () => {
    const before = await owner.call('settings.get');
    const result = await owner.callRaw('settings.update', { server: { port: 'eighty' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(result.error?.message).toMatch(/port/);
    expect(await owner.call('settings.get')).toEqual(before);
  });

  it('unknown fields are refused rather than ignored', async () => {
    expect(await owner.callRaw('settings.update', { livekit: { apiSecretz: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('a frame without a call shape gets an error frame with its id', async () => {
    owner.socket.send(JSON.stringify({ type: 'call', id: 77 }));
    expect(await owner.next((frame) => frame.type === 'error' && frame.id === 77)).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('an oversize frame gets too_large while other clients keep being served', async () => {
    const other = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    owner.socket.send(JSON.stringify({ type: 'call', id: 5, method: 'settings.get', params: { pad: 'x'.repeat(100_000) } }));
    expect(await owner.next((frame) => frame.type === 'error' && (frame.error as { code: string }).code === 'too_large')).toBeTruthy();
    expect((await other.call('settings.get')).ok).toBe(true);
    expect((await owner.call('settings.get')).ok).toBe(true);
    other.close();
  });

  it('pushes settings.changed to connected owner sessions', async () => {
    const watcher = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    await owner.call('settings.update', { server: { publicBaseUrl: 'https://studio.example.com' } });
    expect(await watcher.next((frame) => frame.type === 'event' && frame.event === 'settings.changed')).toMatchObject({
      payload: { server: { publicBaseUrl: 'https://studio.example.com' } },
    });
    watcher.close();
  });

  it('a moderator session cannot read or change settings', async () => {
    const token = t.app.sessions.create('moderator', 'moderator:test');
    const moderator = await FrameClient.open(t.wsUrl('/control', { session: token }));
    expect(await moderator.call('settings.get')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await moderator.call('settings.update', { server: { port: 1 } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    moderator.close();
  });
});
