import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestWatchToken } from './watchToken';
import { memoryStorage } from '../testSupport/memoryStorage';

const LIVE = {
  status: 'live',
  livekitUrl: 'ws://127.0.0.1:7880',
  token: 'header.payload.signature',
  identity: 'viewer-abcdefgh12',
  reconnectTicket: 'viewer-abcdefgh12.1700043200000.c2lnbmVk',
  roomName: 'airdeck-1',
  title: 'Launch day',
  mode: 'screen_guests',
  layout: { main: 'screen', camera: 'pip' },
  startedAt: 1_700_000_000_000,
  raisedHands: true,
};

let fetchMock: ReturnType<typeof vi.fn>;

function answer(status: number, body: unknown): void {
  fetchMock.mockResolvedValueOnce(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));
}

function sentBody(call: number): unknown {
  return JSON.parse((fetchMock.mock.calls[call]![1] as RequestInit).body as string);
}

beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('sessionStorage', memoryStorage());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('requestWatchToken', () => {
  it('reports "waiting" while nothing is live', async () => {
    answer(200, { ok: true, value: { status: 'waiting' } });
    expect(await requestWatchToken()).toEqual({ kind: 'waiting' });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/watch/token');
    expect(sentBody(0)).toEqual({});
  });

  it('returns the live ticket and sends the signed reconnect ticket back next time, never a bare identity', async () => {
    answer(200, { ok: true, value: LIVE });
    expect(await requestWatchToken()).toEqual({ kind: 'live', ticket: LIVE });
    answer(200, { ok: true, value: { status: 'waiting' } });
    await requestWatchToken(undefined, 'Ana');
    expect(sentBody(1)).toEqual({ reconnectTicket: LIVE.reconnectTicket, name: 'Ana' });
  });

  it('passes on the server’s own message when it refuses', async () => {
    answer(429, { ok: false, error: { code: 'rate_limited', message: 'Too many requests; try again in a few seconds' } });
    expect(await requestWatchToken()).toEqual({ kind: 'failed', message: 'Too many requests; try again in a few seconds' });
  });

  it('fails clearly on a network error, a non-JSON answer or an answer of the wrong shape', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await requestWatchToken()).toEqual({ kind: 'failed', message: 'Cannot reach the stream server.' });
    answer(502, '<html>Bad gateway</html>');
    expect(await requestWatchToken()).toEqual({ kind: 'failed', message: 'The stream server answered 502.' });
    answer(200, { ok: true, value: { status: 'live', token: 'only-a-token' } });
    expect(await requestWatchToken()).toMatchObject({ kind: 'failed' });
    expect(sessionStorage.length).toBe(0);
  });
});
