import { describe, expect, it } from 'vitest';
import type { StreamRecord } from '../../../shared/domain/stream';
import { fail, ok } from '../../../shared/result';
import { testLiveSession } from '../testSupport/liveSession';
import { createTestStudio, fakeTrack } from '../testSupport/testStudioStore';

const params = { title: 'Show', tags: [], mode: 'camera_grid' as const };

function withDevices() {
  const studio = createTestStudio();
  studio.store.setState({ microphoneTrack: fakeTrack('mic'), cameraTrack: fakeTrack('cam'), micMuted: true });
  return studio;
}

describe('live slice', () => {
  it('goes live through the flow with the tracks the mode sends and the mute state', async () => {
    const { flow, store } = withDevices();
    expect(await store.getState().goLive(params)).toBe(true);
    expect(flow.started).toHaveLength(1);
    expect(flow.started[0]!.params).toEqual(params);
    expect(flow.started[0]!.media).toMatchObject({ microphone: { id: 'mic' }, camera: { id: 'cam' }, screen: null });
    expect(flow.started[0]!.muted).toEqual({ microphone: true, camera: false });
    expect(store.getState().lastAttempt).toEqual({ kind: 'start', params });
  });

  it('does not go live without a microphone, and says why', async () => {
    const { flow, store } = createTestStudio();
    expect(await store.getState().goLive(params)).toBe(false);
    expect(flow.started).toEqual([]);
    expect(store.getState().liveError?.code).toBe('device_denied');
  });

  it('retries the last attempt', async () => {
    const { flow, store } = withDevices();
    flow.succeeds = false;
    await store.getState().goLive(params);
    await store.getState().retryLive();
    expect(flow.started).toHaveLength(2);
  });

  it('offers a stream still live after a reload and resumes it with a fresh session', async () => {
    const { client, flow, store } = withDevices();
    client.answerOk('stream.current', testLiveSession);
    await store.getState().checkResume();
    expect(store.getState().resumeOffer).toEqual(testLiveSession);
    expect(await store.getState().resumeStream()).toBe(true);
    expect(flow.resumed).toEqual([testLiveSession]);
    expect(store.getState()).toMatchObject({ resumeOffer: null, draftMode: 'camera_grid' });
  });

  it('says the stream ended elsewhere when it is gone by the time of resuming', async () => {
    const { client, flow, store } = withDevices();
    client.answerOk('stream.current', null);
    expect(await store.getState().resumeStream()).toBe(false);
    expect(flow.resumed).toEqual([]);
    expect(store.getState().liveEndedElsewhere).toBe(true);
    client.answer('stream.current', fail('internal', 'down'));
    expect(await store.getState().resumeStream()).toBe(false);
    expect(store.getState().liveError).not.toBeNull();
  });

  it('ends an offered stream without going back on air', async () => {
    const { client, store } = createTestStudio();
    const record = { id: 's1' } as StreamRecord;
    store.setState({ resumeOffer: testLiveSession });
    client.answer('stream.end', ok(record));
    await store.getState().endResumeOffer();
    expect(client.paramsOf('stream.end')).toEqual([{ streamId: 's1' }]);
    expect(store.getState()).toMatchObject({ resumeOffer: null, liveEnded: record });
    store.setState({ resumeOffer: testLiveSession });
    client.answer('stream.end', fail('internal', 'x'));
    await store.getState().endResumeOffer();
    expect(store.getState().liveError).not.toBeNull();
  });

  it('passes main stream events and the flow controls to the flow', async () => {
    const { flow, store } = createTestStudio();
    store.setState({ resumeOffer: testLiveSession });
    store.getState().applyStreamState({ live: null } as never);
    expect(flow.endedByMainCount).toBe(1);
    expect(store.getState().resumeOffer).toBeNull();
    store.getState().applyViewerCount({ streamId: 's1', viewers: 3, peak: 5 } as never);
    expect(flow.viewerCounts).toEqual([{ viewers: 3, peak: 5, streamId: 's1' }]);
    store.getState().reconnectStream();
    await store.getState().endStream();
    await store.getState().setLiveMuted('camera', true);
    expect({ reconnects: flow.reconnects, ended: flow.ended, mutes: flow.mutes }).toEqual({
      reconnects: 1,
      ended: 1,
      mutes: [{ source: 'camera', muted: true }],
    });
  });

  it('keeps the flow reports and notes the uplink reading', () => {
    const { flow, store } = createTestStudio();
    flow.report({ livePhase: 'connecting', liveAvailableOutgoingKbps: 4000 });
    expect(store.getState().livePhase).toBe('connecting');
    expect(store.getState().uplinkCapacity).not.toBeNull();
    store.getState().dismissLiveNotice();
    expect(store.getState()).toMatchObject({ liveError: null, liveEnded: null, resumeOffer: null });
  });
});
