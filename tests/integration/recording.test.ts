import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeRooms } from '../support/fakeRooms';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { errorOf, valueOf } from '../support/contractCall';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0).reverse()) await app.close();
});

async function liveStudio(dataDir?: string) {
  const t = await startTestApp({ rooms: new FakeRooms(), dataDir });
  apps.push(t);
  const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
  const started = await owner.call('stream.start', { title: 'Recorded show', mode: 'screen_guests' });
  const streamId = valueOf(started).streamId;
  return { t, owner, streamId };
}

const piece = (text: string) => Buffer.from(text).toString('base64');

describe('local recording (main side)', () => {
  it('writes pieces in order, acknowledges a repeat, refuses a gap and completes', async () => {
    const { t, owner, streamId } = await liveStudio();
    const started = await owner.call('recording.start', { streamId, mimeType: 'video/webm;codecs=vp8,opus' });
    expect(started).toMatchObject({ ok: true, value: { status: 'recording', bytes: 0 } });
    const recording = valueOf(started);
    expect(recording.fileName).toMatch(/_recorded-show_.+\.webm$/);

    expect(await owner.call('recording.append', { recordingId: recording.id, offset: 0, data: piece('hello '), durationMs: 1000 })).toEqual(
      { ok: true, value: { bytes: 6 } },
    );
    // The same piece again (an answer was lost): acknowledged, not written twice.
    expect(await owner.call('recording.append', { recordingId: recording.id, offset: 0, data: piece('hello '), durationMs: 1000 })).toEqual(
      { ok: true, value: { bytes: 6 } },
    );
    const gap = await owner.call('recording.append', { recordingId: recording.id, offset: 10, data: piece('x'), durationMs: 1000 });
    expect(gap).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(errorOf(gap).message).toContain('byte 6');
    expect(await owner.call('recording.append', { recordingId: recording.id, offset: 6, data: piece('world'), durationMs: 2000 })).toEqual({
      ok: true,
      value: { bytes: 11 },
    });

    const finished = await owner.call('recording.finish', { recordingId: recording.id, durationMs: 2100 });
    expect(finished).toMatchObject({ ok: true, value: { status: 'complete', bytes: 11, durationMs: 2100 } });
    // Not a WebM, so the file is left exactly as written.
    expect(readFileSync(join(t.dataDir, 'recordings', recording.fileName), 'utf8')).toBe('hello world');
    expect(
      await owner.call('recording.append', { recordingId: recording.id, offset: 11, data: piece('!'), durationMs: 2200 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'This recording is already closed' },
    });

    const detail = await owner.call('history.detail', { id: streamId });
    expect(valueOf(detail).recordings).toEqual([expect.objectContaining({ id: recording.id, bytes: 11, status: 'complete' })]);
    owner.close();
  });

  it('refuses bad input without touching anything', async () => {
    const { owner, streamId } = await liveStudio();
    expect(await owner.call('recording.start', { streamId: 'str_nope', mimeType: 'video/webm' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await owner.call('recording.start', { streamId, mimeType: 'video/mp4' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    const { id } = valueOf(await owner.call('recording.start', { streamId, mimeType: 'video/webm' }));
    expect(await owner.call('recording.append', { recordingId: id, offset: 0, data: 'not base64!', durationMs: 0 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await owner.call('recording.append', { recordingId: id, offset: 0, data: 'A'.repeat(60_000), durationMs: 0 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await owner.call('recording.append', { recordingId: 'rec_unknown1', offset: 0, data: piece('x'), durationMs: 0 })).toMatchObject(
      { ok: false, error: { code: 'not_found' } },
    );
    expect(await owner.call('recording.append', { recordingId: '../../etc', offset: 0, data: piece('x'), durationMs: 0 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await owner.call('recording.playback', { recordingId: 'rec_unknown1' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    owner.close();
  });

  it('plays back through an expiring ticket, with byte ranges', async () => {
    const { t, owner, streamId } = await liveStudio();
    const { id } = valueOf(await owner.call('recording.start', { streamId, mimeType: 'video/webm' }));
    await owner.call('recording.append', { recordingId: id, offset: 0, data: piece('0123456789'), durationMs: 500 });
    const { url, path } = valueOf(await owner.call('recording.playback', { recordingId: id }));
    expect(url.startsWith(`${t.baseUrl}/recordings/${id}?ticket=`)).toBe(true);
    expect(url.endsWith(path)).toBe(true);

    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/webm');
    expect(await whole.text()).toBe('0123456789');
    const part = await fetch(url, { headers: { Range: 'bytes=2-4' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-4/10');
    expect(await part.text()).toBe('234');
    expect((await fetch(url, { headers: { Range: 'bytes=50-' } })).status).toBe(416);

    expect((await fetch(`${t.baseUrl}/recordings/${id}`)).status).toBe(401);
    expect((await fetch(`${t.baseUrl}/recordings/${id}?ticket=guess`)).status).toBe(401);
    const other = valueOf(await owner.call('recording.start', { streamId, mimeType: 'video/webm' }));
    expect((await fetch(url.replace(id, other.id))).status).toBe(401);
    owner.close();
  });

  it('a crash keeps everything written so far, and deleting the stream deletes the file', async () => {
    const first = await liveStudio();
    const { id, fileName } = valueOf(await first.owner.call('recording.start', { streamId: first.streamId, mimeType: 'video/webm' }));
    await first.owner.call('recording.append', { recordingId: id, offset: 0, data: piece('abc'), durationMs: 3000 });
    await first.owner.call('recording.append', { recordingId: id, offset: 3, data: piece('def'), durationMs: 4000 });

    // A second start on the same data dir while the first never finished: what a crash leaves behind.
    const second = await startTestApp({ rooms: new FakeRooms(), dataDir: first.t.dataDir });
    apps.push(second);
    const owner = await FrameClient.open(second.wsUrl('/control', { session: second.app.ownerToken }));
    const detail = await owner.call('history.detail', { id: first.streamId });
    expect(valueOf(detail).recordings).toEqual([expect.objectContaining({ id, status: 'interrupted', bytes: 6, durationMs: 4000 })]);

    const path = join(first.t.dataDir, 'recordings', fileName);
    expect(readFileSync(path, 'utf8')).toBe('abcdef');
    expect(await owner.call('history.delete', { id: first.streamId })).toEqual({ ok: true, value: { deleted: true } });
    expect(existsSync(path)).toBe(false);
    owner.close();
    first.owner.close();
  });
});
