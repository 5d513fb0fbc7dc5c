import { describe, expect, it } from 'vitest';
import { SendLimiter } from './limiter';

const limits = { rateLimit: { messages: 3, perSeconds: 10 }, slowModeSeconds: 0 };

describe('SendLimiter', () => {
  it('allows N messages per window, then refuses with the time until a slot frees', () => {
    const limiter = new SendLimiter();
    for (const at of [0, 1000, 2000]) {
      expect(limiter.check('a', at, limits)).toEqual({ ok: true });
      limiter.record('a', at, `m${at}`);
    }
    expect(limiter.check('a', 3000, limits)).toEqual({ ok: false, code: 'rate_limited', retryAfterMs: 7000 });
    // Another chatter is unaffected.
    expect(limiter.check('b', 3000, limits)).toEqual({ ok: true });
    // The oldest send leaves the window after 10 s.
    expect(limiter.check('a', 10_000, limits)).toEqual({ ok: true });
  });

  it('enforces slow mode per chatter', () => {
    const limiter = new SendLimiter();
    const slow = { ...limits, slowModeSeconds: 5 };
    limiter.record('a', 0, 'one');
    expect(limiter.check('a', 2000, slow)).toEqual({ ok: false, code: 'slow_mode', retryAfterMs: 3000 });
    expect(limiter.check('a', 5000, slow)).toEqual({ ok: true });
    expect(limiter.check('b', 2000, slow)).toEqual({ ok: true });
  });

  it('remembers the last few texts within a minute for the repeat rule', () => {
    const limiter = new SendLimiter();
    limiter.record('a', 0, 'Hello  World');
    limiter.record('a', 1000, 'two');
    expect(limiter.recentTexts('a', 2000)).toEqual(['hello world', 'two']);
    expect(limiter.recentTexts('a', 60_500)).toEqual(['two']);
  });

  it('forgets idle chatters on sweep', () => {
    const limiter = new SendLimiter();
    limiter.record('a', 0, 'x');
    limiter.record('b', 500_000, 'y');
    limiter.sweep(700_000);
    expect(limiter.size).toBe(1);
  });
});
