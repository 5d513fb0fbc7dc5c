import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStream } from '../../src/main/db/history/streams';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { valueOf } from '../support/contractCall';
import { EXPECTED, seedSimulatedStream } from './simulatedStream';

let t: TestApp;
let owner: FrameClient;

beforeAll(async () => {
  t = await startTestApp();
  seedSimulatedStream(t.app.db, { id: 'past' });
  createStream(t.app.db, { id: 'now-live', roomName: 'live-room', title: 'On air', tags: [], mode: 'voice_only', startedAt: Date.now() });
  owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
});

afterAll(async () => {
  owner?.close();
  await t?.close();
});

describe('history over the studio API', () => {
  it('answers history.detail with the analytics', async () => {
    const result = await owner.call('history.detail', { id: 'past' });
    expect(result.ok).toBe(true);
    const value = valueOf(result);
    expect(value.viewers).toMatchObject({ peak: EXPECTED.peak, unique: EXPECTED.unique });
    expect(value.chat).toEqual(EXPECTED.chat);
    expect(value.guests.map((g) => g.name)).toEqual(['Ana', 'Cy', 'G-BEN']);
  });

  it('pages a transcript, searches, exports and filters the list', async () => {
    const transcript = await owner.call('history.transcript', { streamId: 'past', limit: 4 });
    expect(transcript).toMatchObject({ ok: true, value: { total: 6 } });
    const search = await owner.call('history.search', { query: 'pricing' });
    expect(search).toMatchObject({ ok: true, value: { total: 1 } });
    const csv = await owner.call('history.export', { streamId: 'past', part: 'moderation', format: 'csv' });
    expect(valueOf(csv).content.split('\r\n')[0]).toMatch(/^id,created_at,/);
    const list = await owner.call('history.list', { search: 'launch' });
    expect(valueOf(list).items.map((s) => s.id)).toEqual(['past']);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    expect(await owner.call('history.detail', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await owner.call('history.search', { query: '   ' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await owner.callRaw('history.export', { streamId: 'past', part: 'chat', format: 'xml' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await owner.call('history.transcript', { streamId: 'past', limit: 5000 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await owner.callRaw('history.list', { from: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('is the owner’s alone: a co-moderator session is refused', async () => {
    const moderator = await FrameClient.open(t.wsUrl('/control', { session: t.app.sessions.create('moderator', 'moderator:mia') }));
    try {
      for (const [method, params] of [
        ['history.detail', { id: 'past' }],
        ['history.search', { query: 'pricing' }],
        ['history.export', { streamId: 'past', part: 'chat', format: 'json' }],
        ['history.delete', { id: 'past' }],
      ] as const) {
        expect(await moderator.call(method, params)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    } finally {
      moderator.close();
    }
    expect(await owner.call('history.get', { id: 'past' })).toMatchObject({ ok: true });
  });

  it('will not delete a live stream, and deletes a finished one with all its data', async () => {
    expect(await owner.call('history.delete', { id: 'now-live' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await owner.call('history.delete', { id: 'past' })).toEqual({ ok: true, value: { deleted: true } });
    expect(await owner.call('history.get', { id: 'past' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(t.app.db.prepare(`SELECT COUNT(*) AS n FROM chat_messages WHERE stream_id = 'past'`).get()).toEqual({ n: 0 });
    expect(await owner.call('history.search', { query: 'pricing' })).toMatchObject({ ok: true, value: { total: 0 } });
    expect(await owner.call('history.delete', { id: 'past' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
