import type { EventPayload } from '../../../../shared/contract/studioApi';
import type { GoLiveParams, LiveSession } from '../../../../shared/domain/live';
import type { StreamMode } from '../../../../shared/domain/stream';
import type { GoLiveFlow } from '../../features/golive/goLiveFlow';
import type { LiveState } from '../../features/golive/liveState';
import type { HostSource } from '../../livekit/publisher';

/** What the live slice drives: the go-live flow (a structural type, so tests can pass a fake). */
export type LiveFlow = Pick<
  GoLiveFlow,
  'start' | 'resume' | 'end' | 'reconnectNow' | 'replace' | 'setMuted' | 'endedByMain' | 'applyViewerCount'
>;

export interface LiveSlice extends LiveState {
  /** The mode picked in the go-live form; the preview follows it. */
  draftMode: StreamMode;
  /** Title and tags as typed; kept in the store so they survive going live and coming back. */
  draftTitle: string;
  draftTags: string;
  /** A stream main still has live after a studio reload, offered for resuming. */
  resumeOffer: LiveSession | null;
  /** What "Retry" repeats. */
  lastAttempt: { kind: 'start'; params: GoLiveParams } | { kind: 'resume' } | null;
  setDraftMode(mode: StreamMode): void;
  setDraftText(patch: { draftTitle?: string; draftTags?: string }): void;
  goLive(params: GoLiveParams): Promise<boolean>;
  retryLive(): Promise<void>;
  endStream(): Promise<boolean>;
  /** Asks main whether a stream is still live (after a reload) and offers to resume it. */
  checkResume(): Promise<void>;
  resumeStream(): Promise<boolean>;
  /** "Reconnect now": retry at once instead of waiting out the backoff (or after a drop that does not retry by itself). */
  reconnectStream(): void;
  /** Ends the stream offered for resuming without going back on air. */
  endResumeOffer(): Promise<void>;
  dismissLiveNotice(): void;
  /** Puts a new capture track on air (or, with null, takes the source off); no-op when not live. */
  replaceLiveTrack(source: HostSource, track: MediaStreamTrack | null, keepMuted?: boolean): Promise<void>;
  setLiveMuted(source: HostSource, muted: boolean): Promise<void>;
  /** The flow's report of a change: into the state, then the recording and the uplink reading follow. */
  applyLivePatch(patch: Partial<LiveState>): void;
  applyStreamState(payload: EventPayload<'stream.state'>): void;
  applyViewerCount(payload: EventPayload<'viewers.count'>): void;
}
