import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { FakeRooms } from '../support/fakeRooms';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { valueOf, type ResultOf } from '../support/contractCall';
import { redeemLink, upgradeStatus } from '../support/sessionLinks';

let t: TestApp;
afterEach(async () => t?.close());

type SessionView = ResultOf<'moderators.list'>['sessions'][number];

/** A console link is spent on first use, as a browser would: its session token is what sockets use. */
const sessionOf = redeemLink;

function closeOf(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

async function setup() {
  t = await startTestApp({ rooms: new FakeRooms() });
  const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
  const live = await t.app.streams.start({ title: 'Show', mode: 'screen_guests' });
  return { owner, room: live.roomName, streamId: live.streamId };
}

async function auditActions(owner: FrameClient, streamId: string): Promise<ResultOf<'moderation.audit'>['entries']> {
  return valueOf(await owner.call('moderation.audit', { streamId })).entries;
}

describe('revocable moderator access', () => {
  it('lists sessions with what granted them; revoking one closes its control and chat sockets and refuses it after', async () => {
    const { owner, room, streamId } = await setup();
    const link = valueOf(await owner.call('moderation.createModeratorLink', { label: 'Sam' }));
    const samToken = await sessionOf(link.url);
    const invite = valueOf(await owner.call('invites.create', { role: 'moderator', label: 'for Ria', expiresInMinutes: 30 }));
    const redeemed = await fetch(`${t.baseUrl}/api/guest/redeem`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: invite.link.split('/join/')[1], name: 'Ria' }),
    });
    const riaToken = await sessionOf(((await redeemed.json()) as { value: { consoleUrl: string } }).value.consoleUrl);

    const listed = valueOf(await owner.call('moderators.list')).sessions;
    expect(listed.map((s) => s.name)).toEqual(['Sam', 'Ria']);
    const [sam, ria] = listed as [SessionView, SessionView];
    expect(sam.grant).toEqual({ kind: 'link', label: 'Sam' });
    expect(sam.expiresAt).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(ria.grant).toMatchObject({ kind: 'invite', inviteId: invite.invite.id });
    expect(ria.expiresAt).toBe(invite.invite.expiresAt);

    const samControl = await FrameClient.open(t.wsUrl('/control', { session: samToken }));
    const samChat = await FrameClient.open(t.wsUrl('/chat', { session: samToken, room }));
    await samChat.next((frame) => frame.type === 'welcome');
    const riaControl = await FrameClient.open(t.wsUrl('/control', { session: riaToken }));
    // Pushed to the owner: the list without Sam (earlier pushes, from the grants, are skipped).
    const changed = owner.next<{ payload: { sessions: SessionView[] } }>(
      (frame) =>
        frame.event === 'moderators.changed' && !(frame.payload as { sessions: SessionView[] }).sessions.some((s) => s.name === 'Sam'),
    );
    const [controlClosed, chatClosed] = [closeOf(samControl.socket), closeOf(samChat.socket)];

    expect(await owner.call('moderators.revoke', { sessionId: sam.id })).toMatchObject({ ok: true, value: { revoked: { name: 'Sam' } } });
    expect(await controlClosed).toBe(4401);
    expect(await chatClosed).toBe(4401);
    expect((await changed).payload.sessions.map((s) => s.name)).toEqual(['Ria']);
    expect(await upgradeStatus(t.wsUrl('/control', { session: samToken }))).toBe(401);
    expect(await owner.call('moderators.revoke', { sessionId: sam.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Ria was not touched.
    expect((await riaControl.call('moderation.list', { streamId })).ok).toBe(true);
    // A moderator cannot list or revoke moderator sessions.
    expect(await riaControl.call('moderators.list')).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const actions = await auditActions(owner, streamId);
    expect(actions.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['moderator_link', 'moderator_invite', 'moderator_revoke']),
    );
    expect(actions.find((entry) => entry.action === 'moderator_revoke')?.targetIdentity).toBe('moderator:Sam');
    riaControl.close();
    owner.close();
  });

  it('revoking the invite a session came from ends that session; promoted guests are listed too', async () => {
    const { owner, streamId } = await setup();
    const invite = valueOf(await owner.call('invites.create', { role: 'moderator', label: 'mods' }));
    const redeemed = await fetch(`${t.baseUrl}/api/guest/redeem`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: invite.link.split('/join/')[1], name: 'Kim' }),
    });
    const kimToken = await sessionOf(((await redeemed.json()) as { value: { consoleUrl: string } }).value.consoleUrl);
    const kim = await FrameClient.open(t.wsUrl('/control', { session: kimToken }));
    const closed = closeOf(kim.socket);

    expect((await owner.call('invites.revoke', { id: invite.invite.id })).ok).toBe(true);
    expect(await closed).toBe(4401);
    expect(await upgradeStatus(t.wsUrl('/control', { session: kimToken }))).toBe(401);
    expect(valueOf(await owner.call('moderators.list')).sessions).toEqual([]);

    const guestInvite = valueOf(await owner.call('invites.create', {}));
    const guest = await fetch(`${t.baseUrl}/api/guest/redeem`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: guestInvite.link.split('/join/')[1], name: 'Lu' }),
    });
    const { identity } = ((await guest.json()) as { value: { identity: string } }).value;
    expect((await owner.call('stage.promote', { identity })).ok).toBe(true);
    const promoted = valueOf(await owner.call('moderators.list')).sessions;
    expect(promoted).toMatchObject([{ name: 'Lu', grant: { kind: 'promotion', guestIdentity: identity } }]);
    const revoke = (await auditActions(owner, streamId)).find((entry) => entry.action === 'moderator_revoke');
    expect(revoke?.targetIdentity).toBe('moderator:Kim');
    owner.close();
  });
});
