import { describe, expect, it } from 'vitest';
import { renewDelay, sendBlocker, tokenExpiry } from './chatTiming';

function jwt(payload: object): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'HS256' })}.${encode(payload)}.sig`;
}

describe('chat timing', () => {
  it('reads the expiry of a token and renews a minute before it', () => {
    const token = jwt({ exp: 1_000_600, sub: 'viewer-x' });
    expect(tokenExpiry(token)).toBe(1_000_600_000);
    expect(renewDelay(token, 1_000_000_000)).toBe(540_000);
    expect(renewDelay(token, 1_000_590_000)).toBe(5_000);
    expect(tokenExpiry('not-a-jwt')).toBeNull();
    expect(renewDelay(jwt({ sub: 'x' }), 0)).toBeNull();
  });

  it('says why sending is held back', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(sendBlocker({ timedOutUntil: null, nextSendAt: 0 }, now)).toBeNull();
    expect(sendBlocker({ timedOutUntil: now - 1, nextSendAt: now - 1 }, now)).toBeNull();
    expect(sendBlocker({ timedOutUntil: null, nextSendAt: now + 4_200 }, now)).toBe('Slow mode: you can send again in 5 s.');
    expect(sendBlocker({ timedOutUntil: now + 5 * 60_000, nextSendAt: now + 1000 }, now)).toMatch(
      /^You are timed out for 5 more minutes \(until /,
    );
    expect(sendBlocker({ timedOutUntil: now + 30_000, nextSendAt: 0 }, now)).toMatch(/^You are timed out for 1 more minute \(/);
  });
});
