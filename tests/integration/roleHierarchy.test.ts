import { afterEach, describe, expect, it } from 'vitest';
import { FakeRooms } from '../support/fakeRooms';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { valueOf } from '../support/contractCall';

/**
 * owner > moderator > guest > viewer, through the control socket the studio and co-moderator
 * consoles use: each attack is refused with its code, writes nothing and disconnects nobody, and
 * the honest calls next to it still work.
 */
let t: TestApp;
afterEach(async () => t?.close());

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await response.json()) as { value: T }).value;
}

async function setup() {
  const rooms = new FakeRooms();
  t = await startTestApp({ rooms });
  const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
  const moderator = await FrameClient.open(t.wsUrl('/control', { session: t.app.sessions.create('moderator', 'moderator:ana') }));
  const live = await t.app.streams.start({ title: 'Show', mode: 'screen_guests' });
  const created = valueOf(await owner.call('invites.create', {}));
  const guest = await post<{ identity: string; guestToken: string }>('/api/guest/redeem', {
    code: created.link.split('/join/')[1],
    name: 'Gia',
  });
  return { rooms, owner, moderator, streamId: live.streamId, guest };
}

function count(table: string): number {
  return (t.app.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('who may act on whom', () => {
  it('a moderator kicking or muting the host is forbidden: the host stays connected and nothing is written', async () => {
    const { rooms, owner, moderator, guest } = await setup();
    const auditBefore = count('moderation_actions');
    expect(await moderator.call('stage.kick', { identity: 'host' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await moderator.call('stage.mute', { identity: 'host', kind: 'audio' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await moderator.call('stage.kick', { identity: 'moderator:bo' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Not even the owner removes the host through the guest controls.
    expect(await owner.call('stage.kick', { identity: 'host' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Kick and mute are for guests: a viewer (or an identity nobody issued) is not found.
    expect(await moderator.call('stage.kick', { identity: 'viewer-abcdefgh12' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await owner.call('stage.mute', { identity: 'viewer-abcdefgh12', kind: 'video' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(rooms.removed).toEqual([]);
    expect(rooms.mutes).toEqual([]);
    expect({ bans: count('chat_bans'), audit: count('moderation_actions') }).toEqual({ bans: 0, audit: auditBefore });
    expect(t.app.db.prepare('SELECT COUNT(*) AS n FROM guest_sessions WHERE removed_from IS NOT NULL').get()).toEqual({ n: 0 });

    // The honest case next to it: a moderator mutes and kicks a guest.
    expect(await moderator.call('stage.mute', { identity: guest.identity, kind: 'audio' })).toMatchObject({ ok: true });
    expect(await moderator.call('stage.kick', { identity: guest.identity, reason: 'spam' })).toMatchObject({ ok: true });
    expect(rooms.removed).toEqual([guest.identity]);
    expect(t.app.db.prepare('SELECT identity, actor FROM chat_bans').all()).toEqual([{ identity: guest.identity, actor: 'moderator:ana' }]);
    owner.close();
    moderator.close();
  });

  it('a moderator banning or timing out another moderator or the host is forbidden; nothing is stored', async () => {
    const { owner, moderator, streamId } = await setup();
    const auditBefore = count('moderation_actions');
    for (const identity of ['moderator:bo', 'host']) {
      expect(await moderator.call('chat.ban', { streamId, identity, scope: 'always' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await moderator.call('chat.timeout', { streamId, identity, minutes: 10 })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await owner.call('chat.ban', { streamId, identity: 'host', scope: 'stream' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect({ bans: count('chat_bans'), timeouts: count('chat_timeouts'), audit: count('moderation_actions') }).toEqual({
      bans: 0,
      timeouts: 0,
      audit: auditBefore,
    });
    owner.close();
    moderator.close();
  });

  it('the owner still bans a viewer, and a moderator times one out', async () => {
    const { owner, moderator, streamId } = await setup();
    expect(await owner.call('chat.ban', { streamId, identity: 'viewer-abcdefgh12', scope: 'stream', reason: 'spam' })).toMatchObject({
      ok: true,
    });
    expect(await moderator.call('chat.timeout', { streamId, identity: 'viewer-zyxwvuts98', minutes: 1 })).toMatchObject({ ok: true });
    expect(t.app.db.prepare('SELECT identity, actor FROM chat_bans').all()).toEqual([{ identity: 'viewer-abcdefgh12', actor: 'host' }]);
    expect(count('chat_timeouts')).toBe(1);
    owner.close();
    moderator.close();
  });

  it('promoting a guest to moderator is written to the audit log', async () => {
    const { owner, streamId, guest } = await setup();
    expect(await owner.call('stage.promote', { identity: guest.identity })).toMatchObject({ ok: true });
    const audit = valueOf(await owner.call('moderation.audit', { streamId }));
    expect(audit.entries[0]).toMatchObject({
      action: 'promote',
      actor: 'host',
      targetIdentity: guest.identity,
      details: { moderator: 'moderator:Gia' },
    });
    owner.close();
  });
});
