import { describe, expect, it } from 'vitest';
import { SessionRegistry } from './sessions';

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
    // The owner's own session does not expire.
    now = 10 ** 12;
    expect(registry.verify(owner)).toMatchObject({ role: 'owner', expiresAt: null });
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
