import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ffmpegPath } from '../../src/main/multistream/ffmpegBinary';
import { MemorySecretStore } from '../../src/main/settings/secretStore';
import type { MultistreamStatus } from '../../src/shared/domain/multistream';
import { FakeRooms } from '../support/fakeRooms';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { valueOf } from '../support/contractCall';
import { freePort } from './rtmpServers';

const KEY = 'live_8d3f0c2a9b7e41';
const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0).reverse()) await app.close();
});

async function studio() {
  const secrets = new MemorySecretStore();
  const t = await startTestApp({ rooms: new FakeRooms(), secretStore: secrets });
  apps.push(t);
  const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
  return { t, owner, secrets };
}

const statusWhere = (owner: FrameClient, what: (status: MultistreamStatus) => boolean) =>
  owner.next((frame) => frame.type === 'event' && frame.event === 'multistream.status' && what(frame.payload as MultistreamStatus));

describe('multistream destinations (studio API)', () => {
  it('refuses malformed destinations with bad_request and stores nothing', async () => {
    const { owner } = await studio();
    const bad = [
      { name: 'X', preset: 'custom', url: 'not a url', streamKey: KEY },
      { name: 'X', preset: 'custom', url: 'http://example.com/app', streamKey: KEY },
      { name: 'X', preset: 'custom', url: 'rtmp://user:pass@example.com/app', streamKey: KEY },
      { name: 'X', preset: 'custom', streamKey: KEY },
      { name: 'X', preset: 'youtube', streamKey: 'has space' },
      { name: '', preset: 'twitch', streamKey: KEY },
      { name: 'X', preset: 'twitch', streamKey: KEY, kind: 'egress' },
    ];
    for (const params of bad)
      expect(await owner.callRaw('multistream.add', params)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await owner.call('multistream.list')).toMatchObject({ ok: true, value: { destinations: [] } });
    owner.close();
  });

  it('keeps the stream key write-only: in no answer, event, log line or database row', async () => {
    const { t, owner, secrets } = await studio();
    const added = await owner.call('multistream.add', { name: 'YouTube', preset: 'youtube', streamKey: KEY });
    expect(added).toMatchObject({ ok: true, value: { kind: 'rtmp', preset: 'youtube', enabled: true, hasKey: true } });
    const id = valueOf(added).id;
    const renamed = await owner.call('multistream.update', { id, name: 'Main channel', enabled: false });
    expect(renamed).toMatchObject({ ok: true, value: { name: 'Main channel', enabled: false, hasKey: true } });
    const listed = await owner.call('multistream.list');
    const moderator = await FrameClient.open(t.wsUrl('/control', { session: t.app.sessions.create('moderator', 'ana') }));
    expect(await moderator.call('multistream.list')).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const everything = JSON.stringify([added, renamed, listed, owner.frames, t.logLines, t.app.db.prepare('SELECT * FROM settings').all()]);
    expect(everything).not.toContain(KEY);
    expect(secrets.forKey(id).read()).toBe(KEY);

    expect(await owner.call('multistream.remove', { id })).toEqual({ ok: true, value: { removed: true } });
    expect(secrets.forKey(id).read()).toBeNull();
    moderator.close();
    owner.close();
  });

  it('takes the program from the recording path even with recording off, and stops at End stream', async () => {
    const { t, owner } = await studio();
    await owner.call('settings.update', { studio: { recordLocally: false } });
    const port = await freePort();
    const added = await owner.call('multistream.add', {
      name: 'Nobody listens',
      preset: 'custom',
      url: `rtmp://127.0.0.1:${port}/live`,
      streamKey: KEY,
    });
    const id = valueOf(added).id;
    const started = await owner.call('stream.start', { title: 'Sent out', mode: 'screen_guests' });
    const streamId = valueOf(started).streamId;

    const program = await owner.call('recording.start', { streamId, mimeType: 'video/webm;codecs=vp8,opus' });
    expect(program).toMatchObject({ ok: true, value: { status: 'recording', fileName: '' } });
    await statusWhere(owner, (status) => status.encoding && status.destinations[0]?.id === id);
    const recordingId = valueOf(program).id;
    // The start of a real WebM program: the encoder reads it and waits for more.
    const webm = spawnSync(ffmpegPath(), [
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=160x120:rate=10',
      '-t',
      '1',
      '-c:v',
      'libvpx',
      '-f',
      'webm',
      'pipe:1',
    ]).stdout.subarray(0, 20_000);
    const data = webm.toString('base64');
    expect(await owner.call('recording.append', { recordingId, offset: 0, data, durationMs: 1000 })).toMatchObject({
      ok: true,
      value: { bytes: webm.length },
    });
    // Recording is off: no file was opened for the program.
    expect(existsSync(join(t.dataDir, 'recordings')) ? readdirSync(join(t.dataDir, 'recordings')) : []).toEqual([]);

    // Only what End stream causes counts (earlier frames also said "not encoding").
    owner.frames.length = 0;
    await owner.call('stream.end', { streamId });
    await statusWhere(owner, (status) => !status.encoding && status.destinations[0]?.state === 'waiting');
    owner.close();
  });
});
