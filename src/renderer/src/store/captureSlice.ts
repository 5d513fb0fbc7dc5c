import type { StudioClient } from '../../../shared/contract/studioClient';

import { rememberDevice, rememberedDevice } from '../features/capture/deviceMemory';
import {
  listDevices,
  openCamera,
  openMicrophone,
  openScreen,
  type CaptureKind,
  type MediaIssue,
  type Opened,
} from '../features/capture/media';
import type { SliceCreator } from './state/studioState';
import type { SourcePickerState, CaptureSlice } from './state/capture';
import { logger } from '../logging/logger';

const closedPicker: SourcePickerState = { open: false, loading: false, sources: [], error: null };

export const createCaptureSlice =
  (client: StudioClient): SliceCreator<CaptureSlice> =>
  (set, get) => {
    let previewStarted = false;

    const setIssue = (kind: CaptureKind, issue: MediaIssue | null) => {
      const issues = { ...get().captureIssues };
      if (issue) issues[kind] = issue;
      else delete issues[kind];
      set({ captureIssues: issues });
    };

    const refreshDevices = async () => {
      const { cameras, microphones } = await listDevices().catch((error: unknown) => {
        logger.warn('Could not list capture devices', error);
        return { cameras: [], microphones: [] };
      });
      set({ cameras, microphones });
    };

    /** Puts a newly opened screen on air (replacing the old one), then releases the old one. */
    const adoptScreen = async (opened: Opened) => {
      if (!opened.ok) {
        // A cancelled picker while something is already shared changes nothing.
        if (!(opened.issue.reason === 'cancelled' && get().screenTrack)) setIssue('screen', opened.issue);
        return;
      }
      const track = opened.track;
      setIssue('screen', null);
      const old = get().screenTrack;
      // The browser's own "Stop sharing" ends the track: the studio then shows it as not shared.
      track.addEventListener('ended', () => {
        if (get().screenTrack === track) void get().stopScreen();
      });
      await get().replaceLiveTrack('screen', track);
      set({ screenTrack: track });
      old?.stop();
    };

    return {
      cameras: [],
      microphones: [],
      cameraId: rememberedDevice('camera'),
      microphoneId: rememberedDevice('microphone'),
      cameraTrack: null,
      microphoneTrack: null,
      screenTrack: null,
      captureIssues: {},
      micMuted: false,
      cameraOff: false,
      picker: closedPicker,

      startPreview: async () => {
        if (previewStarted) return;
        previewStarted = true;
        await Promise.all([get().openDevice('camera'), get().openDevice('microphone')]);
        // Labels appear only after access was granted, so list devices afterwards.
        await refreshDevices();
        navigator.mediaDevices?.addEventListener?.('devicechange', () => void refreshDevices());
      },

      openDevice: async (kind, deviceId) => {
        const camera = kind === 'camera';
        const id = deviceId === undefined ? (camera ? get().cameraId : get().microphoneId) : deviceId;
        const opened = camera ? await openCamera(id) : await openMicrophone(id);
        if (!opened.ok) {
          setIssue(kind, opened.issue);
          return null;
        }
        setIssue(kind, null);
        const track = opened.track;
        const muted = camera ? get().cameraOff : get().micMuted;
        track.enabled = !muted;
        const old = camera ? get().cameraTrack : get().microphoneTrack;
        const actualId = track.getSettings().deviceId ?? id ?? null;
        // Swap on air before releasing the old device, so viewers never see a gap.
        await get().replaceLiveTrack(kind, track, muted);
        set(camera ? { cameraTrack: track, cameraId: actualId } : { microphoneTrack: track, microphoneId: actualId });
        if (old && old !== track) old.stop();
        if (!get().cameras.length && !get().microphones.length) void refreshDevices();
        return track;
      },

      selectCamera: async (id) => {
        rememberDevice('camera', id);
        await get().openDevice('camera', id);
      },
      selectMicrophone: async (id) => {
        rememberDevice('microphone', id);
        await get().openDevice('microphone', id);
      },

      shareScreen: async () => {
        const listed = await client.invoke('capture.listSources', {});
        if (listed.ok && listed.value.picker === 'app') {
          set({ picker: { open: true, loading: false, sources: listed.value.sources, error: null } });
          return;
        }
        // The headless studio (or a main that cannot list sources): the browser shows its picker.
        await adoptScreen(await openScreen());
      },

      chooseSource: async (id) => {
        set({ picker: { ...get().picker, loading: true, error: null } });
        const selected = await client.invoke('capture.selectSource', { id, withAudio: false });
        if (!selected.ok) {
          set({ picker: { ...get().picker, loading: false, error: selected.error.message } });
          return;
        }
        const opened = await openScreen();
        set({ picker: opened.ok ? closedPicker : { ...get().picker, loading: false, error: opened.issue.message } });
        if (opened.ok) await adoptScreen(opened);
      },

      closePicker: () => set({ picker: closedPicker }),

      stopScreen: async () => {
        const track = get().screenTrack;
        if (!track) return;
        await get().replaceLiveTrack('screen', null);
        set({ screenTrack: null });
        track.stop();
      },

      toggleMic: async () => {
        const muted = !get().micMuted;
        set({ micMuted: muted });
        const track = get().microphoneTrack;
        if (track) track.enabled = !muted;
        await get().setLiveMuted('microphone', muted);
      },

      toggleCamera: async () => {
        const off = !get().cameraOff;
        set({ cameraOff: off });
        const track = get().cameraTrack;
        if (track) track.enabled = !off;
        await get().setLiveMuted('camera', off);
      },
    };
  };
