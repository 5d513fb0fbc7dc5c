import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../src/shared/result';
import { FakeRooms } from '../support/fakeRooms';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { valueOf } from '../support/contractCall';
import { redeemLink } from '../support/sessionLinks';

let t: TestApp;
afterEach(async () => t?.close());

function claims(jwt: string): { video: Record<string, unknown> } {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}

async function post<T = { ok: boolean; value?: never; error?: { code: string } }>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

async function setup() {
  const rooms = new FakeRooms();
  t = await startTestApp({ rooms });
  const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
  return { rooms, owner };
}

async function invite(owner: FrameClient, params: Record<string, unknown> = {}): Promise<{ id: string; code: string; link: string }> {
  const created = valueOf(await owner.call('invites.create', params));
  return { id: created.invite.id, link: created.link, code: created.link.split('/join/')[1]! };
}

async function joinAsGuest(owner: FrameClient, name: string) {
  const { code } = await invite(owner);
  const redeemed = (await post<{ value: { guestToken: string; identity: string } }>('/api/guest/redeem', { code, name })).value;
  return redeemed;
}

describe('invites', () => {
  it('a link is checked without using it, then redeemed once', async () => {
    const { owner } = await setup();
    const { code, link } = await invite(owner, { label: 'Ana' });
    expect(link).toBe(`${t.baseUrl}/join/${code}`);
    expect(code.length).toBeGreaterThanOrEqual(32);
    expect(await post('/api/guest/check', { code })).toMatchObject({ ok: true, value: { status: 'valid', role: 'guest', label: 'Ana' } });
    expect(await post('/api/guest/check', { code })).toMatchObject({ value: { status: 'valid' } });
    expect(await post('/api/guest/redeem', { code, name: 'Ana' })).toMatchObject({
      ok: true,
      value: { status: 'accepted', role: 'guest' },
    });
    expect(await post('/api/guest/redeem', { code, name: 'Eve' })).toMatchObject({
      ok: true,
      value: { status: 'refused', reason: 'used' },
    });
    owner.close();
  });

  it('expired, revoked and unknown codes are refused; the code is stored only hashed', async () => {
    const { owner } = await setup();
    const expired = await invite(owner);
    t.app.db.prepare('UPDATE invites SET expires_at = 0 WHERE id = ?').run(expired.id);
    expect(await post('/api/guest/redeem', { code: expired.code, name: 'A' })).toMatchObject({
      value: { status: 'refused', reason: 'expired' },
    });
    const revoked = await invite(owner);
    expect(await owner.call('invites.revoke', { id: revoked.id })).toMatchObject({ ok: true, value: { status: 'revoked' } });
    expect(await post('/api/guest/check', { code: revoked.code })).toMatchObject({ value: { status: 'refused', reason: 'revoked' } });
    expect(await post('/api/guest/check', { code: 'x'.repeat(32) })).toMatchObject({ value: { status: 'refused', reason: 'unknown' } });
    expect(await post('/api/guest/check', { code: '../../etc' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const stored = t.app.db.prepare('SELECT code_hash FROM invites').all() as { code_hash: string }[];
    for (const row of stored) expect([expired.code, revoked.code]).not.toContain(row.code_hash);
    owner.close();
  });

  it('a moderator invite opens a moderator session', async () => {
    const { owner } = await setup();
    const { code } = await invite(owner, { role: 'moderator' });
    const answer = await post<{ value: { status: string; consoleUrl: string } }>('/api/guest/redeem', { code, name: 'Mo' });
    const session = await redeemLink(answer.value.consoleUrl);
    expect(t.app.sessions.verify(session)).toMatchObject({ role: 'moderator', actor: 'moderator:Mo' });
  });
});

describe('guests on stage', () => {
  it('waiting guests subscribe only; approval puts them on stage with camera and mic', async () => {
    const { owner, rooms } = await setup();
    const guest = await joinAsGuest(owner, 'Ana');
    expect(await post('/api/guest/session', { guestToken: guest.guestToken })).toMatchObject({
      value: { state: 'waiting_for_stream', livekit: null },
    });

    const live = await t.app.streams.start({ title: 'Show', mode: 'screen_guests' });
    const joined = await post<{ value: { state: string; livekit: { token: string; canPublish: boolean } } }>('/api/guest/session', {
      guestToken: guest.guestToken,
    });
    expect(joined.value).toMatchObject({ state: 'joined', livekit: { canPublish: false } });
    expect(claims(joined.value.livekit.token).video).toMatchObject({ canPublish: false, canSubscribe: true, canPublishData: false });

    expect(await post('/api/guest/request', { guestToken: guest.guestToken, devices: { camera: true, microphone: true } })).toMatchObject({
      value: { state: 'requested' },
    });
    const queue = valueOf(await owner.call('moderation.list', { streamId: live.streamId, status: 'pending' }));
    const request = queue.items.find((item) => item.kind === 'stage_request')!;
    expect(request).toBeTruthy();
    expect((await owner.call('moderation.decide', { itemId: request.id, decision: 'approve' })).ok).toBe(true);

    await expect
      .poll(async () => (await post<{ value: { state: string } }>('/api/guest/session', { guestToken: guest.guestToken })).value.state)
      .toBe('stage');
    const onStage = await post<{ value: { livekit: { token: string } } }>('/api/guest/session', { guestToken: guest.guestToken });
    expect(claims(onStage.value.livekit.token).video).toMatchObject({ canPublish: true, canPublishSources: ['camera', 'microphone'] });
    expect(rooms.publishing.get(guest.identity)).toBe(true);
    const metadata = JSON.parse(rooms.rooms.get(live.roomName)!);
    expect(metadata.stage.slots[0]).toEqual({ identity: guest.identity, name: 'Ana' });
    owner.close();
  });

  it('an approval LiveKit refuses fails with its code, leaves the request pending and the guest waiting', async () => {
    const { owner, rooms } = await setup();
    const guest = await joinAsGuest(owner, 'Ana');
    const live = await t.app.streams.start({ title: 'Show', mode: 'screen_guests' });
    await post('/api/guest/request', { guestToken: guest.guestToken, devices: { camera: true, microphone: true } });
    const queue = valueOf(await owner.call('moderation.list', { streamId: live.streamId, status: 'pending' }));
    const itemId = queue.items[0]!.id;

    rooms.failWith = new AppFailure('livekit_unreachable', 'LiveKit did not answer');
    const refused = await owner.call('moderation.decide', { itemId, decision: 'approve' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'livekit_unreachable', message: expect.stringContaining('LiveKit did not answer') },
    });
    expect(await owner.call('moderation.list', { streamId: live.streamId, status: 'pending' })).toMatchObject({
      value: { items: [{ id: itemId }] },
    });
    expect(await post('/api/guest/session', { guestToken: guest.guestToken })).toMatchObject({ value: { state: 'requested' } });
    expect(await owner.call('stage.get')).toMatchObject({ ok: true, value: { guests: [] } });

    rooms.failWith = null;
    expect(await owner.call('moderation.decide', { itemId, decision: 'approve' })).toMatchObject({
      ok: true,
      value: { status: 'approved' },
    });
    expect(await post('/api/guest/session', { guestToken: guest.guestToken })).toMatchObject({ value: { state: 'stage' } });
    expect(rooms.publishing.get(guest.identity)).toBe(true);
    owner.close();
  });

  it('five approved guests: four on stage, one backstage; a move swaps them', async () => {
    const { owner, rooms } = await setup();
    const live = await t.app.streams.start({ title: 'Panel', mode: 'screen_guests' });
    const guests: { guestToken: string; identity: string }[] = [];
    for (const name of ['A', 'B', 'C', 'D', 'E']) {
      const guest = await joinAsGuest(owner, name);
      await post('/api/guest/request', { guestToken: guest.guestToken, devices: { camera: true, microphone: true } });
      guests.push(guest);
    }
    const queue = valueOf(await owner.call('moderation.list', { streamId: live.streamId, status: 'pending' }));
    for (const item of queue.items) await owner.call('moderation.decide', { itemId: item.id, decision: 'approve' });
    await expect.poll(() => stageCount()).toBe(5);
    const state = valueOf(await owner.call('stage.get'));
    expect(state.guests.filter((g) => g.state === 'stage')).toHaveLength(4);
    const backstage = state.guests.find((g) => g.state === 'backstage')!;
    const moved = valueOf(await owner.call('stage.move', { identity: backstage.identity, to: 'stage', slot: 0 }));
    expect(moved.guests.find((g) => g.identity === backstage.identity)?.slot).toBe(0);
    expect(moved.guests.find((g) => g.identity === guests[0]!.identity)?.slot).toBeNull();
    expect(rooms.publishing.get(guests[0]!.identity)).toBe(false);
    expect(rooms.publishing.get(backstage.identity)).toBe(true);
    expect(JSON.parse(rooms.rooms.get(live.roomName)!).stage.slots[0].identity).toBe(backstage.identity);
    // Stage time: the guest sent backstage has a closed stint, the one brought on an open one.
    const stints = t.app.db.prepare('SELECT identity, off_at FROM stage_sessions ORDER BY on_at').all() as {
      identity: string;
      off_at: number | null;
    }[];
    expect(stints.find((s) => s.identity === guests[0]!.identity)?.off_at).toEqual(expect.any(Number));
    expect(stints.find((s) => s.identity === backstage.identity)?.off_at).toBeNull();
    await t.app.streams.end(live.streamId);
    expect(t.app.db.prepare('SELECT COUNT(*) AS n FROM stage_sessions WHERE off_at IS NULL').get()).toEqual({ n: 0 });
    owner.close();

    function stageCount(): number {
      return (t.app.db.prepare('SELECT COUNT(*) AS n FROM stage_roster').get() as { n: number }).n;
    }
  });

  it('mute and kick: the guest is removed, banned for the stream, and the link is refused', async () => {
    const { owner, rooms } = await setup();
    const live = await t.app.streams.start({ title: 'Show', mode: 'screen_guests' });
    const { code } = await invite(owner, { maxUses: 5 });
    const guest = (await post<{ value: { guestToken: string; identity: string } }>('/api/guest/redeem', { code, name: 'Troll' })).value;
    await post('/api/guest/request', { guestToken: guest.guestToken, devices: { camera: true, microphone: true } });
    const queue = valueOf(await owner.call('moderation.list', { streamId: live.streamId, status: 'pending' }));
    await owner.call('moderation.decide', { itemId: queue.items[0]!.id, decision: 'approve' });
    await expect.poll(async () => valueOf(await owner.call('stage.get')).guests.length).toBe(1);
    expect(await owner.call('stage.mute', { identity: guest.identity, kind: 'audio' })).toMatchObject({ ok: true, value: { muted: true } });
    expect(rooms.mutes).toEqual([{ identity: guest.identity, kind: 'audio' }]);
    expect(await owner.call('stage.kick', { identity: guest.identity })).toMatchObject({ ok: true, value: { guests: [] } });
    expect(rooms.removed).toContain(guest.identity);
    expect(await post('/api/guest/session', { guestToken: guest.guestToken })).toMatchObject({
      value: { state: 'removed', livekit: null },
    });
    expect(await post('/api/guest/redeem', { code, name: 'Troll again' })).toMatchObject({
      value: { status: 'refused', reason: 'revoked' },
    });
    owner.close();
  });

  it('a forged guest token is refused', async () => {
    await setup();
    expect(await post('/api/guest/session', { guestToken: 'f'.repeat(43) })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
