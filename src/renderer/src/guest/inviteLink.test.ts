import { describe, expect, it } from 'vitest';
import { inviteCodeFromPath } from './inviteLink';

const CODE = 'AbCdEfGhIjKlMnOpQrStUv_-12';

describe('inviteCodeFromPath', () => {
  it('takes the last segment of /join/<code>', () => {
    expect(inviteCodeFromPath(`/join/${CODE}`)).toBe(CODE);
    expect(inviteCodeFromPath(`/join/${CODE}/`)).toBe(CODE);
  });

  it('refuses paths without a code-shaped last segment', () => {
    expect(inviteCodeFromPath('/join/')).toBeNull();
    expect(inviteCodeFromPath('/join/short')).toBeNull();
    expect(inviteCodeFromPath('/join/has%20space-and-more-characters')).toBeNull();
    expect(inviteCodeFromPath('/join/%E0%A4%A')).toBeNull();
    expect(inviteCodeFromPath('/')).toBeNull();
  });
});
