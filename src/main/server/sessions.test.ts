import { describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SessionRegistry } from './sessions';

describe('session registry', () => {
  it('a moderator session stops verifying once it expires, and its end is announced', () => {
    let now = 1_000;
    const registry = new SessionRegistry(() => now);
    const ended: string[] = [];
    registry.onEnded((session, why) => ended.push(`${session.actor}:${why}`));
    const token = registry.create('moderator', 'moderator:Sam', { expiresAt: 61_000 });
    const owner = registry.create('owner', 'host');
    expect(registry.verify(token)).toMatchObject({ role: 'moderator', expiresAt: 61_000, grant: { kind: 'link', label: 'Sam' } });
    now = 61_000;
    expect(registry.verify(token)).toBeNull();
    expect(registry.moderators()).toEqual([]);
    expect(ended).toEqual(['moderator:Sam:expired']);
    // The owner's session has its own, longer limits and still holds.
    expect(registry.verify(owner)).toMatchObject({ role: 'owner', expiresAt: 1_000 + SESSION_ABSOLUTE_MS });
  });

  it('a link works once: it is exchanged for a new session token and refused after', () => {
    let now = 5_000;
    const registry = new SessionRegistry(() => now);
    const { token: link, session } = registry.openLink('owner', 'host');
    // The link is not a session token: sockets cannot use it.
    expect(registry.verify(link)).toBeNull();
    const exchanged = registry.redeem(link)!;
    expect(exchanged.token).not.toBe(link);
    expect(exchanged.session.id).toBe(session.id);
    expect(exchanged.maxAgeSeconds).toBe(SESSION_ABSOLUTE_MS / 1000);
    expect(registry.verify(exchanged.token)).toMatchObject({ role: 'owner', expiresAt: now + SESSION_ABSOLUTE_MS });
    expect(registry.redeem(link)).toBeNull();
    expect(registry.redeem(exchanged.token)).toBeNull();
    now += 1;
    expect(registry.verify(exchanged.token)).toMatchObject({ id: session.id });
  });

  it('a moderator link keeps its id and grant expiry when redeemed, and a revoked link cannot be redeemed', () => {
    const registry = new SessionRegistry(() => 1_000);
    const { token: link, session } = registry.openLink('moderator', 'moderator:Sam', { expiresAt: 61_000 });
    expect(registry.moderators().map((s) => s.id)).toEqual([session.id]);
    const exchanged = registry.redeem(link)!;
    expect(exchanged).toMatchObject({ session: { id: session.id, expiresAt: 61_000 }, maxAgeSeconds: 60 });
    expect(registry.moderators().map((s) => s.id)).toEqual([session.id]);
    const other = registry.openLink('moderator', 'moderator:Ria');
    registry.revokeById(other.session.id);
    expect(registry.redeem(other.token)).toBeNull();
  });

  it('a session unused for the idle limit ends, use keeps it alive, and none outlives the absolute limit', () => {
    let now = 0;
    const registry = new SessionRegistry(() => now);
    const ended: string[] = [];
    registry.onEnded((session, why) => ended.push(`${session.actor}:${why}`));
    const idle = registry.redeem(registry.openLink('owner', 'idle').token)!;
    const busy = registry.redeem(registry.openLink('owner', 'busy').token)!;
    // Use every half idle period: busy holds, idle does not.
    for (now = SESSION_IDLE_MS / 2; now < SESSION_ABSOLUTE_MS; now += SESSION_IDLE_MS / 2) {
      expect(registry.verify(busy.token)).not.toBeNull();
      if (now === SESSION_IDLE_MS) expect(registry.verify(idle.token)).toBeNull();
    }
    expect(ended).toEqual(['idle:expired']);
    now = SESSION_ABSOLUTE_MS;
    expect(registry.verify(busy.token)).toBeNull();
    expect(ended).toEqual(['idle:expired', 'busy:expired']);
  });

  it('a revoked session is refused from then on, by token and by id', () => {
    const registry = new SessionRegistry();
    const token = registry.create('moderator', 'moderator:Ria');
    const session = registry.verify(token)!;
    expect(registry.revokeById(session.id)).toMatchObject({ actor: 'moderator:Ria' });
    expect(registry.verify(token)).toBeNull();
    expect(registry.isActive(session.id)).toBe(false);
    expect(registry.revokeById(session.id)).toBeNull();
  });
});
