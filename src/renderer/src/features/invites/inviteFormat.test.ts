import { describe, expect, it } from 'vitest';
import type { Invite } from '../../../../shared/domain/stage';
import { expiryText, inviteName, statusText } from './inviteFormat';

const invite: Invite = {
  id: 'i1',
  role: 'guest',
  label: 'Ada',
  createdAt: 0,
  expiresAt: 3_600_000,
  maxUses: 1,
  uses: 0,
  revokedAt: null,
  source: 'host',
  status: 'active',
};

describe('invite formatting', () => {
  it('says when an invite expires, ahead or behind', () => {
    expect(expiryText(60 * 60_000, 60_000)).toBe('in 59 min');
    expect(expiryText(5 * 3_600_000, 0)).toBe('in 5 h');
    expect(expiryText(3 * 86_400_000, 0)).toBe('in 3 days');
    expect(expiryText(0, 2 * 3_600_000)).toBe('2 h ago');
    expect(expiryText(10_000, 0)).toBe('in under a minute');
  });

  it('names an invite by its label, or by when it was made', () => {
    expect(inviteName(invite)).toBe('Ada');
    expect(inviteName({ ...invite, label: '' })).toMatch(/^made /);
  });

  it('spells out each status', () => {
    expect(statusText({ ...invite, status: 'used_up' })).toBe('Used up');
  });
});
