import type { LiveState } from '../features/golive/liveState';
import type { RecordingState } from '../features/recording/programRecorder';
import type { HostMedia, HostSource } from '../livekit/publisher';
import type { GoLiveParams, LiveSession } from '../../../shared/domain/live';
import { createStudioStore } from '../store/createStudioStore';
import type { LiveFlow } from '../store/state/live';
import type { Recorder } from '../store/state/recording';
import type { StudioStore } from '../store/state/studioState';
import { FakeStudioClient } from './fakeStudioClient';

/** A go-live flow that records what the live slice asks of it and answers as told. */
export class FakeLiveFlow implements LiveFlow {
  readonly started: { params: GoLiveParams; media: HostMedia; muted: Partial<Record<HostSource, boolean>> }[] = [];
  readonly resumed: LiveSession[] = [];
  readonly replaced: { source: HostSource; track: MediaStreamTrack | null }[] = [];
  readonly mutes: { source: HostSource; muted: boolean }[] = [];
  readonly viewerCounts: { viewers: number; peak: number; streamId: string }[] = [];
  ended = 0;
  endedByMainCount = 0;
  reconnects = 0;
  /** What start and resume resolve with. */
  succeeds = true;
  /** Reports a change, as the real flow does through the store's callback. */
  report: (patch: Partial<LiveState>) => void = () => undefined;

  async start(params: GoLiveParams, media: HostMedia, muted: Partial<Record<HostSource, boolean>>): Promise<boolean> {
    this.started.push({ params, media, muted });
    return this.succeeds;
  }
  async resume(session: LiveSession): Promise<boolean> {
    this.resumed.push(session);
    return this.succeeds;
  }
  async end(): Promise<boolean> {
    this.ended += 1;
    return true;
  }
  reconnectNow(): void {
    this.reconnects += 1;
  }
  async replace(source: HostSource, track: MediaStreamTrack | null): Promise<void> {
    this.replaced.push({ source, track });
  }
  async setMuted(source: HostSource, muted: boolean): Promise<void> {
    this.mutes.push({ source, muted });
  }
  endedByMain(): void {
    this.endedByMainCount += 1;
  }
  applyViewerCount(viewers: number, peak: number, streamId: string): void {
    this.viewerCounts.push({ viewers, peak, streamId });
  }
}

/** A recorder that records start and stop calls; `active` follows them. */
export class FakeRecorder implements Recorder {
  readonly startedFor: string[] = [];
  stops = 0;
  active = false;
  /** Reports a state, as the real recorder does through the store's callback. */
  report: (recording: RecordingState) => void = () => undefined;

  async start(streamId: string): Promise<boolean> {
    this.startedFor.push(streamId);
    this.active = true;
    return true;
  }
  async stop(): Promise<void> {
    this.stops += 1;
    this.active = false;
  }
}

/** A store over fakes, for slice tests: the client, the flow and the recorder to drive and inspect. */
export function createTestStudio(client = new FakeStudioClient()): {
  client: FakeStudioClient;
  flow: FakeLiveFlow;
  recorder: FakeRecorder;
  store: StudioStore;
} {
  const flow = new FakeLiveFlow();
  const recorder = new FakeRecorder();
  const store = createStudioStore(client, {
    liveFlow: (onChange) => ((flow.report = onChange), flow),
    recorder: ({ onState }) => ((recorder.report = onState), recorder),
  });
  return { client, flow, recorder, store };
}

/** A fake capture track: enough of MediaStreamTrack for the capture and live slices. */
export function fakeTrack(id: string): MediaStreamTrack {
  const track = {
    id,
    enabled: true,
    stopped: false,
    stop: () => (track.stopped = true),
    getSettings: () => ({ deviceId: id }),
    addEventListener: () => undefined,
  };
  return track as unknown as MediaStreamTrack;
}
