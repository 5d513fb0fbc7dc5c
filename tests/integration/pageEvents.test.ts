import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { insertModerationItem } from '../../src/main/db/moderation/moderationItems';
import { FakeRooms } from '../support/fakeRooms';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { valueOf } from '../support/contractCall';

/**
 * The public page events socket (/events): stream state for anyone, a guest's own state for a
 * page that proved it is that guest, and bad input answered without harm.
 */

let t: TestApp;
afterEach(async () => t?.close());

type Frame = Record<string, unknown>;

async function post<T = { ok: boolean; value?: never; error?: { code: string } }>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

async function setup() {
  t = await startTestApp({ rooms: new FakeRooms() });
  const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
  return { owner };
}

async function joinAsGuest(owner: FrameClient, name: string): Promise<{ guestToken: string; identity: string }> {
  const created = valueOf(await owner.call('invites.create', {}));
  const code = created.link.split('/join/')[1]!;
  return (await post<{ value: { guestToken: string; identity: string } }>('/api/guest/redeem', { code, name })).value;
}

/** Resolves with the close code the server chose. */
function closed(client: FrameClient): Promise<number> {
  return new Promise((resolve) => {
    if (client.socket.readyState === WebSocket.CLOSED) resolve(-1);
    client.socket.once('close', (code) => resolve(code));
  });
}

const events = (query: Record<string, string> = {}) => FrameClient.open(t.wsUrl('/events', query));
const streamFrame = (status: string) => (frame: Frame) => frame.type === 'stream' && (frame.stream as Frame).status === status;
const guestFrame = (state: string) => (frame: Frame) => frame.type === 'guest' && frame.state === state;

/** The guest's pending request, read directly: the owner's queue listing is paged too. */
function pendingStageRequest(streamId: string, identity: string): string {
  const row = t.app.db
    .prepare(`SELECT id FROM moderation_items WHERE stream_id = ? AND subject_identity = ? AND status = 'pending'`)
    .get(streamId, identity) as { id: string };
  expect(row).toBeTruthy();
  return row.id;
}

describe('stream state for anyone', () => {
  it('a page hears "waiting", then "live" with what it needs to join, then "ended"; no token travels', async () => {
    const { owner } = await setup();
    const page = await events();
    expect(await page.next(streamFrame('waiting'))).toEqual({ type: 'stream', stream: { status: 'waiting' } });

    const live = await t.app.streams.start({ title: 'Launch day', mode: 'screen_guests' });
    const started = await page.next<{ stream: Frame }>(streamFrame('live'));
    expect(started.stream).toEqual({ status: 'live', title: 'Launch day', mode: 'screen_guests', startedAt: live.startedAt });

    // A page that connects mid-stream is told at once.
    const late = await events();
    expect(await late.next(streamFrame('live'))).toMatchObject({ stream: { title: 'Launch day' } });

    await t.app.streams.end(live.streamId);
    await page.next(streamFrame('ended'));
    await late.next(streamFrame('ended'));
    expect(JSON.stringify(page.frames)).not.toMatch(/token/i);
    page.close();
    late.close();
    owner.close();
  });
});

describe('a guest page', () => {
  it('follows its own state: waiting → joined → requested → stage on approval → removed on kick', async () => {
    const { owner } = await setup();
    const guest = await joinAsGuest(owner, 'Ana');
    const page = await events();
    page.socket.send(JSON.stringify({ type: 'guest', guestToken: guest.guestToken }));
    await page.next(guestFrame('waiting_for_stream'));

    const live = await t.app.streams.start({ title: 'Show', mode: 'screen_guests' });
    await page.next(guestFrame('joined'));
    expect(await post('/api/guest/request', { guestToken: guest.guestToken, devices: { camera: true, microphone: true } })).toMatchObject({
      ok: true,
    });
    await page.next(guestFrame('requested'));

    const itemId = pendingStageRequest(live.streamId, guest.identity);
    expect((await owner.call('moderation.decide', { itemId, decision: 'approve' })).ok).toBe(true);
    await page.next(guestFrame('stage'));
    // The approval is announced before the stage applies it; the page must not have been told a
    // passing "joined" (or anything else) on the way: every guest frame so far was consumed above.
    expect(page.frames.filter((frame) => (frame as Frame).type === 'guest')).toEqual([]);
    expect(await post('/api/guest/session', { guestToken: guest.guestToken })).toMatchObject({ value: { state: 'stage' } });

    expect((await owner.call('stage.kick', { identity: guest.identity })).ok).toBe(true);
    await page.next(guestFrame('removed'));
    expect(t.logLines.join('\n')).not.toContain(guest.guestToken);
    page.close();
    owner.close();
  });

  it('reads right behind more than 500 other stage requests, pending and rejected', async () => {
    const { owner } = await setup();
    const live = await t.app.streams.start({ title: 'Busy show', mode: 'screen_guests' });
    const insert = t.app.db.transaction(() => {
      for (let i = 0; i < 1200; i++) {
        insertModerationItem(t.app.db, {
          id: `other-${i}`,
          streamId: live.streamId,
          kind: 'stage_request',
          subject: { identity: `guest-other-${i}`, name: `Other ${i}` },
          messageId: null,
          reason: '',
          createdAt: 1 + i,
        });
      }
      t.app.db
        .prepare(
          `UPDATE moderation_items SET status = 'rejected', decided_by = 'host', decided_at = 2 WHERE id LIKE 'other-%' AND created_at > 600`,
        )
        .run();
    });
    insert();

    const guest = await joinAsGuest(owner, 'Late');
    const page = await events();
    page.socket.send(JSON.stringify({ type: 'guest', guestToken: guest.guestToken }));
    await page.next(guestFrame('joined'));
    await post('/api/guest/request', { guestToken: guest.guestToken, devices: { camera: true, microphone: false } });
    await page.next(guestFrame('requested'));
    expect(await post('/api/guest/session', { guestToken: guest.guestToken })).toMatchObject({ value: { state: 'requested' } });

    const itemId = pendingStageRequest(live.streamId, guest.identity);
    expect((await owner.call('moderation.decide', { itemId, decision: 'reject' })).ok).toBe(true);
    await page.next(guestFrame('rejected'));
    expect(await post('/api/guest/session', { guestToken: guest.guestToken })).toMatchObject({ value: { state: 'rejected' } });
    page.close();
    owner.close();
  });
});

describe('bad input', () => {
  it('garbage, binary and repeated frames get an error frame; too many close the socket with 4400', async () => {
    await setup();
    const page = await events();
    await page.next(streamFrame('waiting'));
    page.socket.send('{not json');
    expect(await page.next((f) => f.type === 'error')).toMatchObject({ code: 'bad_request' });
    page.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await page.next((f) => f.type === 'error')).toMatchObject({ code: 'bad_request' });
    // Still subscribed: the stream start reaches it.
    await t.app.streams.start({ title: 'Still here', mode: 'screen_guests' });
    await page.next(streamFrame('live'));
    const gone = closed(page);
    page.socket.send(JSON.stringify({ type: 'subscribe', topic: 'everything' }));
    expect(await gone).toBe(4400);
  });

  it('a forged guest token gets "unauthorized" and close 4401, and is not logged', async () => {
    await setup();
    const page = await events();
    const forged = 'f'.repeat(43);
    const gone = closed(page);
    page.socket.send(JSON.stringify({ type: 'guest', guestToken: forged }));
    expect(await page.next((f) => f.type === 'error')).toMatchObject({ code: 'unauthorized' });
    expect(await gone).toBe(4401);
    expect(t.logLines.join('\n')).not.toContain(forged);
  });

  it('an oversize frame closes with 1009; the server keeps serving other pages', async () => {
    await setup();
    const page = await events();
    const gone = closed(page);
    page.socket.send(JSON.stringify({ type: 'guest', guestToken: 'x'.repeat(4096) }));
    expect(await gone).toBe(1009);
    const next = await events();
    await next.next(streamFrame('waiting'));
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
    next.close();
  });

  it('refuses other origins, and more than 20 sockets from one address', async () => {
    await setup();
    await expect(FrameClient.open(t.wsUrl('/events'), { Origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    const pages = await Promise.all(Array.from({ length: 20 }, () => events()));
    await expect(events()).rejects.toThrow('HTTP 429');
    pages[0]!.close();
    await closed(pages[0]!);
    await expect
      .poll(
        async () =>
          await events()
            .then((p) => (p.close(), 'open'))
            // A refused upgrade is the answer being polled for, not a failure.
            .catch(() => 'refused'),
      )
      .toBe('open');
    for (const page of pages) page.close();
  });
});
