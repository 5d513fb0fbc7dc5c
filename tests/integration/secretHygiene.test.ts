import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isBuiltRenderer } from '../../src/main/rendererDir';
import { MemorySecretStore } from '../../src/main/settings/secretStore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';

const SECRET = 'sk-live-4f1c9e0b7d2a-unique-test-secret';
let t: TestApp;
let owner: FrameClient;
const responses: string[] = [];

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const RENDERER_DIR = join(process.cwd(), 'out/renderer');

beforeAll(async () => {
  // `npm test` builds before this runs; on its own, build first so there is something to check.
  if (!isBuiltRenderer(RENDERER_DIR)) expect(spawnSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' }).status).toBe(0);
  t = await startTestApp();
  owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
  owner.socket.on('message', (data) => responses.push(data.toString()));
});
afterAll(async () => {
  owner.close();
  await t.close();
});

describe('the LiveKit API secret', () => {
  it('is write-only through the API', async () => {
    const saved = await owner.call('settings.update', { livekit: { apiSecret: SECRET } });
    expect(saved).toMatchObject({ ok: true, value: { livekit: { hasSecret: true, secretSource: 'stored' } } });
    await owner.call('settings.get');
    // A call that fails and logs must not leak it either.
    await owner.call('settings.update', { livekit: { url: `not a url ${SECRET}` } });
    expect(t.app.settings.livekitCredentials().apiSecret).toBe(SECRET);
    expect(responses.length).toBeGreaterThan(2);
    for (const text of responses) expect(text).not.toContain(SECRET);
  });

  it('is redacted from every log line', () => {
    t.app.log.error(`connecting with ${SECRET} failed`, new Error(`boom ${SECRET}`));
    expect(t.logLines.length).toBeGreaterThan(0);
    for (const line of t.logLines) expect(line).not.toContain(SECRET);
    expect(t.logLines.some((line) => line.includes('[redacted]'))).toBe(true);
  });

  it('never reaches the SQLite settings rows', () => {
    const rows = t.app.db.prepare('SELECT value FROM settings').all() as { value: string }[];
    for (const row of rows) expect(row.value).not.toContain(SECRET);
  });

  it('is not in any page or asset the server serves', async () => {
    // Every page and every built asset, fetched over HTTP from a server serving the real build.
    const served = await startTestApp({ rendererDir: RENDERER_DIR, secretStore: new MemorySecretStore(SECRET) });
    try {
      const assets = listFiles(join(RENDERER_DIR, 'assets')).map((file) => `/assets/${relative(join(RENDERER_DIR, 'assets'), file)}`);
      const paths = ['/', '/watch', '/join/some-code', ...assets];
      expect(assets.length).toBeGreaterThan(3);
      for (const path of paths) {
        const response = await fetch(`${served.baseUrl}${path}`, { headers: { Cookie: `airdeck_session=${served.app.ownerToken}` } });
        expect(response.status, path).toBe(200);
        const text = await response.text();
        expect(text.length, path).toBeGreaterThan(0);
        expect(text).not.toContain(SECRET);
        expect(text).not.toMatch(/AIRDECK_LIVEKIT_API_SECRET\s*=/);
      }
    } finally {
      await served.close();
    }
  });
});
