import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameClient, startTestApp, type TestApp } from '../support/testApp';

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

beforeAll(async () => {
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

  it('is not in any file the server serves', () => {
    const rendererDir = join(process.cwd(), 'out/renderer');
    let files: string[] = [];
    try {
      files = listFiles(rendererDir);
    } catch {
      // The renderer is built by `npm test` before the unit run; without a build there is nothing served.
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain(SECRET);
      expect(text).not.toMatch(/AIRDECK_LIVEKIT_API_SECRET\s*=/);
    }
  });
});
