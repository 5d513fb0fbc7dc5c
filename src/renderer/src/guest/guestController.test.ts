import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GuestSessionResponse } from '../../../shared/contract/httpRoutes';
import { FakeChannel } from '../testSupport/fakeChannel';
import { ManualTimers, settle } from '../testSupport/manualTimers';
import type { GuestApi } from './guestApi';
import { GuestController } from './guestController';
import { useGuest } from './guestStore';
import { saveGuestToken } from './guestToken';
import { memoryStorage } from '../testSupport/memoryStorage';

const CODE = 'c'.repeat(32);
const TOKEN = 't'.repeat(43);

/** A session with no room and no preview, so the test needs neither LiveKit nor a camera. */
function session(state: GuestSessionResponse['state']): GuestSessionResponse {
  return { state, identity: 'guest-1', name: 'Ana', livekit: null, title: null, notice: null };
}

async function setup(state: GuestSessionResponse['state'] = 'rejected') {
  const timers = new ManualTimers();
  let current = session(state);
  const reads: string[] = [];
  const api = {
    session: async (guestToken: string) => {
      reads.push(guestToken);
      return { ok: true as const, value: current };
    },
  } as unknown as GuestApi;
  let channel!: FakeChannel;
  let tokenOf!: () => string | null;
  const controller = new GuestController(api, {
    timers,
    createChannel: (guestToken) => {
      tokenOf = guestToken;
      return (channel = new FakeChannel());
    },
  });
  await controller.start(`/join/${CODE}`);
  return {
    timers,
    reads,
    controller,
    channel: () => channel,
    tokenOf: () => tokenOf(),
    setState: (next: GuestSessionResponse['state']) => (current = session(next)),
  };
}

beforeEach(() => {
  vi.stubGlobal('sessionStorage', memoryStorage());
  // The device check is built with the controller; these sessions never open a device.
  const noDevices = {
    addEventListener() {},
    removeEventListener() {},
    enumerateDevices: async () => [],
    getUserMedia: async () => Promise.reject(new Error('none')),
  };
  vi.stubGlobal('navigator', { mediaDevices: noDevices });
  saveGuestToken(CODE, TOKEN);
  useGuest.setState({ phase: { kind: 'checking' }, session: null });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('GuestController with the push channel', () => {
  it('follows the channel with its guest token and does not poll while it is up', async () => {
    const { reads, timers, channel, tokenOf } = await setup();
    expect(reads).toHaveLength(1); // the resume
    expect(channel().started).toBe(1);
    expect(tokenOf()).toBe(TOKEN);
    channel().push({ status: 'waiting' });
    expect(timers.delays).toEqual([]);
  });

  it('re-reads the session at once when a push says its state changed', async () => {
    const { reads, channel, setState } = await setup();
    channel().push({ status: 'live', title: 'Show', mode: 'screen_guests', startedAt: 1 });
    setState('removed');
    channel().pushGuest('removed');
    await settle();
    expect(reads).toHaveLength(2);
    expect(useGuest.getState().session?.state).toBe('removed');
    // Removed is final: the channel closes and nothing polls.
    expect(channel().state).toBe('down');
  });

  it('polls with back-off only while the channel is down, and stops once it is back', async () => {
    const { reads, timers, channel } = await setup();
    channel().drop();
    const delays = await timers.fireInTurn(3, settle);
    expect(delays).toEqual([1_000, 2_000, 4_000]);
    expect(reads).toHaveLength(4);
    channel().push({ status: 'waiting' });
    expect(timers.delays).toEqual([]);
  });
});
