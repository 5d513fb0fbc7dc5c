import type { StateCreator } from 'zustand';
import type { EventPayload } from '../../../shared/contract/studioApi';
import type { GoLiveParams, LiveSession } from '../../../shared/domain/live';
import type { StreamMode } from '../../../shared/domain/stream';
import { studio } from '../api/client';
import { GoLiveFlow, initialLiveState, type LiveState } from '../features/golive/goLiveFlow';
import { liveErrorFromApp, liveErrorFromDevice } from '../features/golive/liveErrors';
import { HostRoom } from '../livekit/hostRoom';
import type { HostMedia, HostSource } from '../livekit/publisher';
import type { StudioState } from './index';

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
  applyStreamState(payload: EventPayload<'stream.state'>): void;
  applyViewerCount(payload: EventPayload<'viewers.count'>): void;
}

export const createLiveSlice: StateCreator<StudioState, [], [], LiveSlice> = (set, get) => {
  const flow = new GoLiveFlow({
    api: studio,
    createRoom: (events) => new HostRoom(events),
    onChange: (patch) => {
      set(patch);
      if (patch.livePhase) get().syncRecording();
      if (patch.liveAvailableOutgoingKbps) get().noteUplinkCapacity(patch.liveAvailableOutgoingKbps);
    },
    // Back online: a retry waiting out its delay goes at once.
    onOnline: (listener) => {
      window.addEventListener('online', listener);
      return () => window.removeEventListener('online', listener);
    },
  });

  /** The tracks the mode sends; the devices the mode needs are opened (again) if missing. */
  async function mediaFor(mode: StreamMode): Promise<HostMedia | null> {
    const state = get();
    const microphone = state.microphoneTrack ?? (await state.openDevice('microphone'));
    if (!microphone) {
      set({ liveError: liveErrorFromDevice(get().captureIssues.microphone!) });
      return null;
    }
    if (mode === 'voice_only') return { microphone, camera: null, screen: null };
    let camera = get().cameraTrack;
    if (!camera && mode === 'camera_grid') {
      camera = await get().openDevice('camera');
      if (!camera) {
        set({ liveError: liveErrorFromDevice(get().captureIssues.camera!) });
        return null;
      }
    }
    return { microphone, camera, screen: mode === 'screen_guests' ? get().screenTrack : null };
  }

  const muted = () => ({ microphone: get().micMuted, camera: get().cameraOff });

  return {
    ...initialLiveState,
    draftMode: 'screen_guests',
    draftTitle: '',
    draftTags: '',
    resumeOffer: null,
    lastAttempt: null,
    setDraftMode: (draftMode) => set({ draftMode }),
    setDraftText: (patch) => set(patch),

    goLive: async (params) => {
      set({ lastAttempt: { kind: 'start', params }, liveError: null, liveEnded: null, liveEndedElsewhere: false, resumeOffer: null });
      const media = await mediaFor(params.mode);
      if (!media) return false;
      return flow.start(params, media, muted());
    },

    retryLive: async () => {
      const attempt = get().lastAttempt;
      if (attempt?.kind === 'start') await get().goLive(attempt.params);
      else if (attempt?.kind === 'resume') await get().resumeStream();
    },

    endStream: () => flow.end(),

    checkResume: async () => {
      if (get().livePhase !== 'idle') return;
      const current = await studio.invoke('stream.current', {});
      if (current.ok && get().livePhase === 'idle') set({ resumeOffer: current.value });
    },

    resumeStream: async () => {
      set({ lastAttempt: { kind: 'resume' }, liveError: null, liveEndedElsewhere: false });
      // Ask again: the token from a minute ago may be close to expiry, and the stream may be over.
      const current = await studio.invoke('stream.current', {});
      if (!current.ok) {
        set({ liveError: liveErrorFromApp(current.error, 'resume') });
        return false;
      }
      if (!current.value) {
        set({ resumeOffer: null, liveEndedElsewhere: true });
        return false;
      }
      set({ draftMode: current.value.mode });
      const media = await mediaFor(current.value.mode);
      if (!media) return false;
      set({ resumeOffer: null });
      return flow.resume(current.value, media, muted());
    },

    reconnectStream: () => flow.reconnectNow(),

    endResumeOffer: async () => {
      const offer = get().resumeOffer;
      if (!offer) return;
      const ended = await studio.invoke('stream.end', { streamId: offer.streamId });
      if (ended.ok) set({ resumeOffer: null, liveEnded: ended.value, liveError: null });
      else set({ liveError: liveErrorFromApp(ended.error, 'end') });
    },

    dismissLiveNotice: () => set({ liveError: null, liveEnded: null, liveEndedElsewhere: false, resumeOffer: null }),

    replaceLiveTrack: (source, track, keepMuted) => flow.replace(source, track, keepMuted),
    setLiveMuted: (source, isMuted) => flow.setMuted(source, isMuted),

    applyStreamState: ({ live }) => {
      if (!live) {
        flow.endedByMain();
        if (get().resumeOffer) set({ resumeOffer: null });
      }
    },
    applyViewerCount: ({ streamId, viewers, peak }) => flow.applyViewerCount(viewers, peak, streamId),
  };
};

export const selectLivePhase = (state: StudioState) => state.livePhase;
/** On air (including while ending): the live bar and live controls show. */
export const selectIsLive = (state: StudioState) => state.livePhase === 'live' || state.livePhase === 'ending';
/** Between clicking Go live and being on air. */
export const selectIsStarting = (state: StudioState) =>
  state.livePhase === 'creating' || state.livePhase === 'connecting' || state.livePhase === 'publishing';
export const selectLiveSession = (state: StudioState) => state.liveSession;
