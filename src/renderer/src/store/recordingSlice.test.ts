import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '../../../shared/domain/settings';
import { testLiveSession } from '../testSupport/liveSession';
import { createTestStudio } from '../testSupport/testStudioStore';

const recording = { studio: { recordLocally: true } } as SettingsView;

describe('recording slice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts recording two seconds after going live when Settings say so', () => {
    const { recorder, store } = createTestStudio();
    store.setState({ settings: recording, liveSession: testLiveSession });
    store.getState().applyLivePatch({ livePhase: 'live' });
    expect(recorder.startedFor).toEqual([]);
    vi.advanceTimersByTime(2_000);
    expect(recorder.startedFor).toEqual(['s1']);
  });

  it('does not record when nothing wants the program', () => {
    const { recorder, store } = createTestStudio();
    store.setState({ settings: { studio: { recordLocally: false } } as SettingsView, liveSession: testLiveSession });
    store.getState().applyLivePatch({ livePhase: 'live' });
    vi.advanceTimersByTime(5_000);
    expect(recorder.startedFor).toEqual([]);
  });

  it('stops once the stream is over, and not before the start delay ran out', () => {
    const { recorder, store } = createTestStudio();
    store.setState({ settings: recording, liveSession: testLiveSession });
    store.getState().applyLivePatch({ livePhase: 'live' });
    store.getState().applyLivePatch({ livePhase: 'ending' });
    vi.advanceTimersByTime(5_000);
    expect(recorder.startedFor).toEqual([]);
    store.getState().applyLivePatch({ livePhase: 'live' });
    vi.advanceTimersByTime(2_000);
    store.getState().applyLivePatch({ livePhase: 'idle' });
    expect(recorder.stops).toBe(1);
  });

  it('keeps what the recorder reports', () => {
    const { recorder, store } = createTestStudio();
    recorder.report({ state: 'failed', message: 'no disk', bytes: 0 });
    expect(store.getState().recording).toEqual({ state: 'failed', message: 'no disk', bytes: 0 });
  });
});
