import { describe, expect, it, vi } from 'vitest';
import type { LiveSession } from '../../../../shared/domain/live';
import type { StreamRecord } from '../../../../shared/domain/stream';
import { fail, ok, type Result } from '../../../../shared/result';
import { Emitter } from '../../../../shared/emitter';
import type { HostRoomEvents } from '../../livekit/hostRoom';
import { testLiveSession } from '../../testSupport/liveSession';
import { GoLiveFlow } from './goLiveFlow';
import type { LiveRoom, LiveState } from './liveState';

const session: LiveSession = testLiveSession;

const record = { id: 's1', status: 'ended', durationMs: 1000, peakViewers: 1 } as StreamRecord;

function harness(options: { start?: Result<unknown>; connectError?: Error; publishError?: Error; end?: Result<unknown> } = {}) {
  const calls: { method: string; params: unknown }[] = [];
  const phases: string[] = [];
  let state: Partial<LiveState> = {};
  const events = new Emitter<HostRoomEvents>();
  const room = {
    on: events.on.bind(events),
    joined: null as null | [string, string],
    left: 0,
    published: null as unknown,
    viewers: 0,
    async connect(url: string, token: string) {
      if (options.connectError) throw options.connectError;
      room.joined = [url, token];
    },
    publisher: {
      async publishAll(media: unknown) {
        if (options.publishError) throw options.publishError;
        room.published = media;
      },
      async replace() {},
      async setMuted() {},
      isOnAir: () => false,
    },
    viewerCount: () => room.viewers,
    sampleStats: async () => ({ at: 0, entries: [] }),
    async leave() {
      room.left++;
    },
  };
  const answers: Record<string, Result<unknown>> = {
    'stream.start': options.start ?? ok(session),
    'stream.abort': ok({ removed: true }),
    'stream.end': options.end ?? ok(record),
    'stream.reportRoomView': ok({ streamId: 's1', viewers: 1, peak: 3, source: 'room' }),
  };
  const flow = new GoLiveFlow({
    api: {
      invoke: (async (method: string, params: unknown) => {
        calls.push({ method, params });
        return answers[method] ?? fail('internal', 'unexpected');
      }) as never,
    },
    createRoom: () => room as LiveRoom,
    onChange: (patch) => {
      if (patch.livePhase) phases.push(patch.livePhase);
      state = { ...state, ...patch };
    },
    statsEveryMs: 60_000,
    reportEveryMs: 60_000,
  });
  return { flow, calls, phases, room, state: () => state, events: () => events };
}

const media = { screen: null, camera: {} as MediaStreamTrack, microphone: {} as MediaStreamTrack };
const params = { title: 'Show', tags: [], mode: 'camera_grid' as const };

describe('GoLiveFlow', () => {
  it('creates the stream, connects with the host token and publishes, showing each step', async () => {
    const h = harness();
    expect(await h.flow.start(params, media, {})).toBe(true);
    expect(h.phases).toEqual(['creating', 'connecting', 'publishing', 'live']);
    expect(h.room.joined).toEqual(['ws://lk', 'tok']);
    expect(h.room.published).toBe(media);
    expect(h.calls.map((c) => c.method)).toEqual(['stream.start', 'stream.reportRoomView']);
    await h.flow.end();
  });

  it('shows an unreachable server from stream.start without undoing anything', async () => {
    const h = harness({ start: fail('livekit_unreachable', 'LiveKit did not answer.') });
    expect(await h.flow.start(params, media, {})).toBe(false);
    expect(h.state().livePhase).toBe('idle');
    expect(h.state().liveError).toMatchObject({ code: 'livekit_unreachable', fixes: ['retry', 'settings'] });
    expect(h.calls.map((c) => c.method)).toEqual(['stream.start']);
  });

  it('aborts the started stream when connecting fails', async () => {
    const failure = Object.assign(new Error('bad token'), { kind: 'unauthorized' });
    const h = harness({ connectError: failure });
    expect(await h.flow.start(params, media, {})).toBe(false);
    expect(h.calls.at(-1)).toEqual({ method: 'stream.abort', params: { streamId: 's1', reason: 'connect_failed' } });
    expect(h.state()).toMatchObject({ livePhase: 'idle', liveSession: null, liveError: { code: 'livekit_unauthorized' } });
    expect(h.room.left).toBe(1);
  });

  it('aborts the started stream when publishing fails', async () => {
    const h = harness({ publishError: new Error('no sender') });
    expect(await h.flow.start(params, media, {})).toBe(false);
    expect(h.calls.at(-1)).toEqual({ method: 'stream.abort', params: { streamId: 's1', reason: 'publish_failed' } });
    expect(h.state().liveError).toMatchObject({ code: 'publish_failed' });
  });

  it('never aborts a resumed stream that fails to reconnect', async () => {
    const h = harness({ connectError: Object.assign(new Error('down'), { kind: 'unreachable' }) });
    expect(await h.flow.resume(session, media, {})).toBe(false);
    expect(h.calls.map((c) => c.method)).not.toContain('stream.abort');
    expect(h.state().liveError).toMatchObject({ code: 'livekit_unreachable' });
  });

  it('ends through main, leaves the room and keeps the record for the summary', async () => {
    const h = harness();
    await h.flow.start(params, media, {});
    expect(await h.flow.end()).toBe(true);
    expect(h.calls.at(-1)).toEqual({ method: 'stream.end', params: { streamId: 's1' } });
    expect(h.state()).toMatchObject({ livePhase: 'idle', liveEnded: record, liveSession: null });
    expect(h.room.left).toBe(1);
  });

  it('stays live and shows why when ending fails', async () => {
    const h = harness({ end: fail('livekit_unreachable', 'Down.') });
    await h.flow.start(params, media, {});
    expect(await h.flow.end()).toBe(false);
    expect(h.state()).toMatchObject({ livePhase: 'live', liveError: { code: 'livekit_unreachable' } });
  });

  it('reports a changed viewer count at once and shows the count main returns', async () => {
    const h = harness();
    await h.flow.start(params, media, {});
    h.room.viewers = 1;
    h.events().emit('viewers', 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.calls.at(-1)).toEqual({ method: 'stream.reportRoomView', params: { streamId: 's1', viewers: 1 } });
    expect(h.state()).toMatchObject({ liveViewers: 1, livePeakViewers: 3 });
    await h.flow.end();
  });

  it('tells main who joined and left, once each, with a rejoin cancelling a pending leave', async () => {
    const h = harness();
    await h.flow.start(params, media, {});
    h.room.viewers = 2;
    h.events().emit('presence', {
      joined: [
        { identity: 'v1', name: 'Curious Otter 17' },
        { identity: 'v2', name: 'Sunny Seal 40' },
      ],
      left: [],
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.calls.at(-1)).toEqual({
      method: 'stream.reportRoomView',
      params: {
        streamId: 's1',
        viewers: 2,
        joined: [
          { identity: 'v1', name: 'Curious Otter 17' },
          { identity: 'v2', name: 'Sunny Seal 40' },
        ],
      },
    });
    h.room.viewers = 1;
    h.events().emit('presence', { joined: [], left: ['v2'] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.calls.at(-1)).toEqual({ method: 'stream.reportRoomView', params: { streamId: 's1', viewers: 1, left: ['v2'] } });
    await h.flow.end();
  });

  it('goes back to idle when the room is deleted elsewhere, and leaves a removal to the host', async () => {
    const h = harness();
    await h.flow.start(params, media, {});
    // Removed (or the same host joined elsewhere): retrying would throw the other studio out.
    h.events().emit('left', 'removed');
    expect(h.state()).toMatchObject({ livePhase: 'live', liveConnection: 'lost', liveRetryAttempt: null });
    h.events().emit('left', 'room_deleted');
    expect(h.state()).toMatchObject({ livePhase: 'idle', liveEndedElsewhere: true });
  });

  it('reports what the uplink carries from each stats sample, so the studio can remember it', async () => {
    vi.useFakeTimers();
    try {
      const h = harness();
      await h.flow.start(params, media, {});
      h.room.sampleStats = async () => ({ at: 0, entries: [], availableOutgoingKbps: 4800 });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(h.state().liveAvailableOutgoingKbps).toBe(4800);
      await h.flow.end();
    } finally {
      vi.useRealTimers();
    }
  });
});
