import type { StudioClient } from '../../../shared/contract/studioClient';

import type { StreamMode } from '../../../shared/domain/stream';
import { initialLiveState } from '../features/golive/liveState';
import { liveErrorFromApp, liveErrorFromDevice } from '../features/golive/liveErrors';
import type { HostMedia } from '../livekit/publisher';
import type { SliceCreator } from './state/studioState';
import type { LiveFlow, LiveSlice } from './state/live';

export const createLiveSlice =
  (client: StudioClient, flow: LiveFlow): SliceCreator<LiveSlice> =>
  (set, get) => {
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
        const current = await client.invoke('stream.current', {});
        if (current.ok && get().livePhase === 'idle') set({ resumeOffer: current.value });
      },

      resumeStream: async () => {
        set({ lastAttempt: { kind: 'resume' }, liveError: null, liveEndedElsewhere: false });
        // Ask again: the token from a minute ago may be close to expiry, and the stream may be over.
        const current = await client.invoke('stream.current', {});
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
        const ended = await client.invoke('stream.end', { streamId: offer.streamId });
        if (ended.ok) set({ resumeOffer: null, liveEnded: ended.value, liveError: null });
        else set({ liveError: liveErrorFromApp(ended.error, 'end') });
      },

      dismissLiveNotice: () => set({ liveError: null, liveEnded: null, liveEndedElsewhere: false, resumeOffer: null }),

      replaceLiveTrack: (source, track, keepMuted) => flow.replace(source, track, keepMuted),
      setLiveMuted: (source, isMuted) => flow.setMuted(source, isMuted),

      applyLivePatch: (patch) => {
        set(patch);
        if (patch.livePhase) get().syncRecording();
        if (patch.liveAvailableOutgoingKbps) get().noteUplinkCapacity(patch.liveAvailableOutgoingKbps);
      },

      applyStreamState: ({ live }) => {
        if (!live) {
          flow.endedByMain();
          if (get().resumeOffer) set({ resumeOffer: null });
        }
      },
      applyViewerCount: ({ streamId, viewers, peak }) => flow.applyViewerCount(viewers, peak, streamId),
    };
  };
