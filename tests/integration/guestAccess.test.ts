import { afterEach, describe, expect, it } from 'vitest';
import { FakeRooms } from '../support/fakeRooms';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { valueOf } from '../support/contractCall';

let t: TestApp;
afterEach(async () => t?.close());

interface Envelope<T = Record<string, unknown>> {
  ok: boolean;
  value?: T;
  error?: { code: string };
}

async function post<T = Record<string, unknown>>(path: string, body: unknown): Promise<Envelope<T>> {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Envelope<T>;
}

async function setup() {
  t = await startTestApp({ rooms: new FakeRooms() });
  return FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
}

async function joinAsGuest(owner: FrameClient, name: string): Promise<{ inviteId: string; guestToken: string; identity: string }> {
  const created = valueOf(await owner.call('invites.create', { maxUses: 5 }));
  const code = created.link.split('/join/')[1]!;
  const redeemed = await post<{ guestToken: string; identity: string }>('/api/guest/redeem', { code, name });
  return { inviteId: created.invite.id, ...redeemed.value! };
}

function stageRequestsOf(streamId: string): number {
  return (
    t.app.db.prepare("SELECT COUNT(*) AS n FROM moderation_items WHERE stream_id = ? AND kind = 'stage_request'").get(streamId) as {
      n: number;
    }
  ).n;
}

const devices = { camera: true, microphone: true };

describe('guest access that lasts', () => {
  it('a guest kicked in one stream gets no token and cannot ask to join in the next', async () => {
    const owner = await setup();
    const first = await t.app.streams.start({ title: 'One', mode: 'screen_guests' });
    const guest = await joinAsGuest(owner, 'Troll');
    expect((await owner.call('stage.kick', { identity: guest.identity })).ok).toBe(true);
    await t.app.streams.end(first.streamId);

    const second = await t.app.streams.start({ title: 'Two', mode: 'screen_guests' });
    expect(await post('/api/guest/session', { guestToken: guest.guestToken })).toMatchObject({
      ok: true,
      value: { state: 'removed', livekit: null },
    });
    expect(await post('/api/guest/request', { guestToken: guest.guestToken, devices })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(stageRequestsOf(second.streamId)).toBe(0);

    // An honest guest of the same show is not affected.
    const honest = await joinAsGuest(owner, 'Ana');
    expect(await post('/api/guest/session', { guestToken: honest.guestToken })).toMatchObject({
      value: { state: 'joined', livekit: { canPublish: false } },
    });
    expect(await post('/api/guest/request', { guestToken: honest.guestToken, devices })).toMatchObject({
      ok: true,
      value: { state: 'requested' },
    });
    owner.close();
  });

  it('a guest whose invite was revoked while nothing was live is refused once a stream starts', async () => {
    const owner = await setup();
    const guest = await joinAsGuest(owner, 'Bea');
    expect((await owner.call('invites.revoke', { id: guest.inviteId })).ok).toBe(true);

    const live = await t.app.streams.start({ title: 'Later', mode: 'screen_guests' });
    const session = await post<{ state: string; livekit: unknown; notice: string }>('/api/guest/session', { guestToken: guest.guestToken });
    expect(session.value).toMatchObject({ state: 'removed', livekit: null, notice: expect.stringContaining('revoked') });
    expect(await post('/api/guest/request', { guestToken: guest.guestToken, devices })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(stageRequestsOf(live.streamId)).toBe(0);
    owner.close();
  });
});
