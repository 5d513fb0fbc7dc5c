import { expect, test } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import type { DevServer } from '../../src/main/rehearsal/index';
import { errorOf, valueOf } from '../support/contractCall';
import { FrameClient } from '../support/frameClient';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';
import { startLiveKit } from '../support/e2e/livekitDevServer';

let livekit: DevServer;
let studio: HeadlessStudio | undefined;

test.beforeAll(async () => {
  livekit = await startLiveKit();
});
// Each test stops the studios it started, so none is left running after the suite.
test.afterEach(async () => {
  await studio?.stop();
  studio = undefined;
});
test.afterAll(async () => {
  await livekit?.close();
});

function readStream(dataDir: string): {
  status: string;
  started_at: number;
  ended_at: number | null;
  last_heartbeat_at: number;
  end_reason: string | null;
} {
  const db = new BetterSqlite3(join(dataDir, 'airdeck.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT status, started_at, ended_at, last_heartbeat_at, end_reason FROM streams').get() as never;
  } finally {
    db.close();
  }
}

async function ownerClient(headless: HeadlessStudio): Promise<FrameClient> {
  return FrameClient.open(headless.controlUrl);
}

test('kill -9 while live: on restart the stream is closed at its last heartbeat', async () => {
  studio = await startHeadless();
  const owner = await ownerClient(studio);
  expect((await owner.call('settings.update', { livekit: { url: livekit.url } })).ok).toBe(true);
  const started = await owner.call('stream.start', { title: 'Crash test', mode: 'voice_only' });
  expect(started.ok).toBe(true);
  owner.close();

  // Wait for at least one heartbeat after the start, so "closed at the last heartbeat" is observable.
  await expect
    .poll(
      () => {
        const row = readStream(studio!.dataDir);
        return row.last_heartbeat_at > row.started_at;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  const dataDir = studio.dataDir;
  await studio.stop('SIGKILL');
  const beforeRestart = readStream(dataDir);
  expect(beforeRestart.status).toBe('live');

  studio = await startHeadless({ dataDir });
  const after = readStream(dataDir);
  expect(after).toMatchObject({ status: 'ended', ended_at: beforeRestart.last_heartbeat_at, end_reason: 'recovered_after_crash' });
  expect(studio.output()).toContain('left live by a crash');
});

test('an unreachable LiveKit or wrong secret fails go-live clearly and leaves no live row', async () => {
  studio = await startHeadless();
  const owner = await ownerClient(studio);
  await owner.call('settings.update', { livekit: { url: 'ws://127.0.0.1:9' } });
  const unreachable = await owner.call('stream.start', { title: 'Nope', mode: 'voice_only' });
  expect(unreachable).toMatchObject({ ok: false, error: { code: 'livekit_unreachable' } });
  expect(errorOf(unreachable).message).toContain('ws://127.0.0.1:9');

  await owner.call('settings.update', { livekit: { url: livekit.url, apiSecret: 'definitely-wrong-secret' } });
  const rejected = await owner.call('stream.start', { title: 'Nope', mode: 'voice_only' });
  expect(rejected).toMatchObject({ ok: false, error: { code: 'livekit_unauthorized' } });
  expect(JSON.stringify(rejected)).not.toContain('definitely-wrong-secret');
  expect(valueOf(await owner.call('history.list', { limit: 10 })).total).toBe(0);

  const test_ = await owner.call('settings.testConnection');
  expect(test_).toMatchObject({ ok: true, value: { status: 'unauthorized' } });
  await owner.call('settings.update', { livekit: { apiSecret: 'secret' } });
  expect(await owner.call('settings.testConnection')).toMatchObject({ ok: true, value: { status: 'ok' } });
  owner.close();
  await studio.stop();
  studio = undefined;
});
