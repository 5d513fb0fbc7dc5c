import { describe, expect, it } from 'vitest';
import type { LiveSession } from '../../../../shared/domain/live';
import { fail, ok, type Result } from '../../../../shared/result';
import { ManualTimers } from '../../testSupport/manualTimers';
import { Emitter } from '../../../../shared/emitter';
import type { HostRoomEvents } from '../../livekit/hostRoom';
import { testLiveSession } from '../../testSupport/liveSession';
import type { HostMedia } from '../../livekit/publisher';
import { GoLiveFlow } from './goLiveFlow';
import type { LiveRoom, LiveState } from './liveState';

/**
 * The studio getting back on air by itself after LiveKit dropped it: each try asks main for the
 * session again, joins a new room and republishes what is on air, with backoff between failed
 * tries, and the flow stays live throughout.
 */
const session: LiveSession = { ...testLiveSession, hostToken: 'tok-1' };

interface FakeRoom extends LiveRoom {
  events: Emitter<HostRoomEvents>;
  joined: string | null;
  published: { media: HostMedia; muted: unknown } | null;
  left: number;
}

const track = (id: string) => ({ id }) as unknown as MediaStreamTrack;
const media: HostMedia = { screen: null, camera: track('cam-1'), microphone: track('mic-1') };

function harness() {
  const timers = new ManualTimers();
  const rooms: FakeRoom[] = [];
  const calls: string[] = [];
  const phases: string[] = [];
  /** Whether the next room's connect reaches the server. */
  let serverUp = true;
  let current: Result<unknown> = ok({ ...session, hostToken: 'tok-2' });
  let online: (() => void) | null = null;
  let state: Partial<LiveState> = {};
  const changeWaiters: { until: (s: Partial<LiveState>) => boolean; resolve: () => void }[] = [];
  const flow = new GoLiveFlow({
    api: {
      invoke: (async (method: string) => {
        calls.push(method);
        if (method === 'stream.start') return ok(session);
        if (method === 'stream.current') return current;
        if (method === 'stream.reportRoomView') return ok({ streamId: 's1', viewers: 0, peak: 0, source: 'room' });
        return fail('internal', 'unexpected');
      }) as never,
    },
    createRoom: () => {
      const events = new Emitter<HostRoomEvents>();
      const room: FakeRoom = {
        events,
        on: events.on.bind(events),
        joined: null,
        published: null,
        left: 0,
        async connect(_url: string, token: string) {
          if (!serverUp) throw Object.assign(new Error('down'), { kind: 'unreachable' });
          room.joined = token;
        },
        publisher: {
          async publishAll(m: HostMedia, muted: unknown) {
            room.published = { media: { ...m }, muted: { ...(muted as object) } };
          },
          async replace() {},
          async setMuted() {},
          isOnAir: () => false,
        },
        viewerCount: () => 0,
        sampleStats: async () => ({ at: 0, entries: [] }),
        async leave() {
          room.left++;
        },
      };
      rooms.push(room);
      return room;
    },
    onChange: (patch) => {
      if (patch.livePhase) phases.push(patch.livePhase);
      state = { ...state, ...patch };
      for (const w of [...changeWaiters]) {
        if (w.until(state)) {
          changeWaiters.splice(changeWaiters.indexOf(w), 1);
          w.resolve();
        }
      }
    },
    statsEveryMs: 60_000,
    reportEveryMs: 60_000,
    reconnectTimers: timers,
    onOnline: (listener) => {
      online = listener;
      return () => (online = null);
    },
  });
  return {
    flow,
    timers,
    rooms,
    calls,
    phases,
    state: () => state,
    setServerUp: (up: boolean) => (serverUp = up),
    setCurrent: (answer: Result<unknown>) => (current = answer),
    goOnline: () => online?.(),
    /** Resolves on the first change after which the state satisfies `until`. */
    changed: (until: (s: Partial<LiveState>) => boolean) => new Promise<void>((resolve) => changeWaiters.push({ until, resolve })),
  };
}

const failedTry = (n: number) => (s: Partial<LiveState>) => s.liveRetryAttempt === n && s.liveConnection === 'reconnecting';

describe('GoLiveFlow reconnecting by itself', () => {
  it('retries with backoff, then rejoins with a fresh session and republishes what is on air, staying live', async () => {
    const h = harness();
    await h.flow.start({ title: 'Show', tags: [], mode: 'camera_grid' }, media, { microphone: true });
    h.setServerUp(false);

    const first = h.changed(failedTry(1));
    h.rooms[0]!.events.emit('left', 'other');
    await first;
    expect(h.rooms[0]!.left).toBe(1);
    // The first try fails against a server that is still down; the next waits a second.
    await expect.poll(() => h.timers.delays).toEqual([1_000]);
    expect(h.rooms[1]!.left).toBe(1);

    // The host swaps the camera while off air: the retry must publish the new one.
    await h.flow.replace('camera', track('cam-2'));
    await h.flow.setMuted('camera', true);

    const second = h.changed(failedTry(2));
    h.timers.fire();
    await second;
    await expect.poll(() => h.timers.delays).toEqual([2_000]);

    h.setServerUp(true);
    const back = h.changed((s) => s.liveConnection === 'connected' && s.liveRetryAttempt === null);
    h.timers.fire();
    await back;
    const room = h.rooms[3]!;
    expect(room.joined).toBe('tok-2');
    expect(room.published).toEqual({ media: { ...media, camera: track('cam-2') }, muted: { microphone: true, camera: true } });
    expect(h.state()).toMatchObject({ livePhase: 'live', liveRecovered: true, liveSession: { hostToken: 'tok-2' } });
    expect(h.phases).not.toContain('idle');
    // One ask per try, and one more once back so main can re-apply the program to the room.
    expect(h.calls.filter((m) => m === 'stream.current')).toHaveLength(4);
    // The "Reconnected" note clears itself; no retry is left waiting.
    expect(h.timers.delays).toEqual([5_000]);
    h.timers.fire();
    expect(h.state().liveRecovered).toBe(false);

    // The new room is the one that counts now: a later drop retries again.
    const again = h.changed(failedTry(1));
    room.events.emit('left', 'lost');
    await again;
  });

  it('goes at once when the browser is back online, and on "Reconnect now"', async () => {
    const h = harness();
    await h.flow.start({ title: 'Show', tags: [], mode: 'camera_grid' }, media, {});
    h.setServerUp(false);
    const first = h.changed(failedTry(1));
    h.rooms[0]!.events.emit('left', 'other');
    await first;
    await expect.poll(() => h.timers.delays).toEqual([1_000]);

    const second = h.changed(failedTry(2));
    h.goOnline();
    await second;
    await expect.poll(() => h.timers.delays).toEqual([2_000]);

    h.setServerUp(true);
    const back = h.changed((s) => s.liveConnection === 'connected');
    h.flow.reconnectNow();
    await back;
    expect(h.rooms.at(-1)!.joined).toBe('tok-2');
  });

  it('ends instead of retrying when main says the stream is over', async () => {
    const h = harness();
    await h.flow.start({ title: 'Show', tags: [], mode: 'camera_grid' }, media, {});
    h.setCurrent(ok(null));
    const ended = h.changed((s) => s.livePhase === 'idle');
    h.rooms[0]!.events.emit('left', 'other');
    await ended;
    expect(h.state()).toMatchObject({ liveEndedElsewhere: true, liveRetryAttempt: null });
    expect(h.timers.delays).toEqual([]);
    expect(h.rooms).toHaveLength(1);
  });

  it('after a removal, retries only when the host asks', async () => {
    const h = harness();
    await h.flow.start({ title: 'Show', tags: [], mode: 'camera_grid' }, media, {});
    h.rooms[0]!.events.emit('left', 'removed');
    expect(h.state()).toMatchObject({ liveConnection: 'lost', liveRetryAttempt: null });
    expect(h.calls).not.toContain('stream.current');
    const back = h.changed((s) => s.liveConnection === 'connected');
    h.flow.reconnectNow();
    await back;
    expect(h.rooms.at(-1)!.joined).toBe('tok-2');
  });

  it("after LiveKit's own recovery, asks main for the session so a bare room gets its program back", async () => {
    const h = harness();
    await h.flow.start({ title: 'Show', tags: [], mode: 'camera_grid' }, media, {});
    h.rooms[0]!.events.emit('connection', 'reconnecting');
    expect(h.calls).not.toContain('stream.current');
    h.rooms[0]!.events.emit('connection', 'connected');
    expect(h.calls).toContain('stream.current');
    expect(h.rooms).toHaveLength(1);
  });
});
