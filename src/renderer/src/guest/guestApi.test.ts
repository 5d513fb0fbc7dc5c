import { describe, expect, it } from 'vitest';
import { createGuestApi, UNREACHABLE, type FetchLike } from './guestApi';

const CODE = 'AbCdEfGhIjKlMnOpQrStUv_-12';

function answering(status: number, body: unknown): { fetch: FetchLike; calls: { input: string; body: unknown }[] } {
  const calls: { input: string; body: unknown }[] = [];
  return {
    calls,
    fetch: async (input, init) => {
      calls.push({ input, body: JSON.parse(String(init.body)) });
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
    },
  };
}

describe('guest routes', () => {
  it('posts the code and unwraps a valid check', async () => {
    const server = answering(200, {
      ok: true,
      value: { status: 'valid', role: 'guest', label: 'Panel', title: 'Launch', raisedHand: false },
    });
    const answer = await createGuestApi(server.fetch).check(CODE);
    expect(server.calls).toEqual([{ input: '/api/guest/check', body: { code: CODE } }]);
    expect(answer).toEqual({ ok: true, value: { status: 'valid', role: 'guest', label: 'Panel', title: 'Launch', raisedHand: false } });
  });

  it('passes the server error message through', async () => {
    const server = answering(429, { ok: false, error: { code: 'rate_limited', message: 'Slow down.' } });
    expect(await createGuestApi(server.fetch).redeem(CODE, 'Ada')).toEqual({ ok: false, code: 'rate_limited', message: 'Slow down.' });
  });

  it('turns a network failure, a non-JSON body and an unexpected value into messages', async () => {
    const down: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await createGuestApi(down).session('t'.repeat(24))).toMatchObject({ ok: false, code: UNREACHABLE });
    expect(await createGuestApi(answering(502, '<html>bad gateway</html>').fetch).check(CODE)).toMatchObject({
      ok: false,
      code: 'http_502',
      message: 'The studio answered 502.',
    });
    expect(await createGuestApi(answering(200, { ok: true, value: { status: 'valid' } }).fetch).check(CODE)).toMatchObject({
      ok: false,
      code: 'bad_answer',
    });
  });
});

describe('redeem', () => {
  it('reads both accepted shapes and a refusal', async () => {
    const guest = { status: 'accepted', role: 'guest', guestToken: 'x'.repeat(30), identity: 'guest-1', name: 'Ada' };
    const moderator = { status: 'accepted', role: 'moderator', consoleUrl: 'http://127.0.0.1/console' };
    for (const value of [guest, moderator, { status: 'refused', reason: 'used' }]) {
      expect(await createGuestApi(answering(200, { ok: true, value }).fetch).redeem(CODE, 'Ada')).toEqual({ ok: true, value });
    }
  });
});
