import { describe, expect, it } from 'vitest';
import type { ModeratorSession } from '../../../../shared/contract/moderatorsApi';
import { expiryLabel, grantLabel } from './grantLabel';

const base: Omit<ModeratorSession, 'grant'> = { id: 'ses_1', name: 'Sam', actor: 'moderator:Sam', grantedAt: 0, expiresAt: 0 };

describe('moderator session labels', () => {
  it('says what granted the access', () => {
    expect(grantLabel({ ...base, grant: { kind: 'link', label: 'Sam' } })).toBe('Moderator link');
    expect(grantLabel({ ...base, grant: { kind: 'invite', inviteId: 'inv_1', label: 'Friday mods' } })).toBe('Invite “Friday mods”');
    expect(grantLabel({ ...base, grant: { kind: 'promotion', guestIdentity: 'guest-1' } })).toBe('Promoted from guest');
  });

  it('names the day only when the access outlasts today', () => {
    const now = new Date(2026, 10, 23, 9, 0).getTime();
    const evening = new Date(2026, 10, 23, 18, 30);
    const time = evening.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    expect(expiryLabel(evening.getTime(), now)).toBe(`until ${time}`);
    const tomorrow = new Date(2026, 10, 24, 18, 30);
    expect(expiryLabel(tomorrow.getTime(), now)).toBe(`until ${tomorrow.toLocaleDateString(undefined, { weekday: 'short' })} ${time}`);
  });
});
