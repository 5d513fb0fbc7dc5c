import { afterEach, describe, expect, it } from 'vitest';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
afterEach(async () => t?.close());

/** One watch-token request (the route allows 20 at once per client address). */
async function askForToken(forwardedFor: string): Promise<number> {
  const response = await fetch(`${t.baseUrl}/api/watch/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
    body: '{}',
  });
  await response.arrayBuffer();
  return response.status;
}

describe('trusted proxies', () => {
  it('a forged X-Forwarded-For from an untrusted peer is ignored: the peer is limited as itself', async () => {
    t = await startTestApp();
    const statuses: number[] = [];
    // Each request claims a different client; an honoured header would give each its own bucket.
    for (let i = 0; i < 21; i += 1) statuses.push(await askForToken(`203.0.113.${i}`));
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('behind a trusted proxy each forwarded client has its own limit, and bad entries are refused', async () => {
    t = await startTestApp();
    const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    expect(await owner.call('settings.update', { server: { trustedProxies: ['localhost'] } })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(t.app.settings.get().server.trustedProxies).toEqual([]);
    expect(await owner.call('settings.update', { server: { trustedProxies: ['127.0.0.1'] } })).toMatchObject({ ok: true });

    const first: number[] = [];
    for (let i = 0; i < 21; i += 1) first.push(await askForToken('1.2.3.4, 203.0.113.1'));
    expect(first[20]).toBe(429);
    // Another client behind the same proxy is not affected by the first one's flood.
    expect(await askForToken('203.0.113.2')).toBe(200);
    owner.close();
  });
});
