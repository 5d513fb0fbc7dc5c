import { createStore } from 'zustand/vanilla';
import type { StudioClient } from '../../../shared/contract/studioClient';
import type { LiveState } from '../features/golive/liveState';
import { programInput, type ProgramInput } from '../features/recording/programInput';
import type { RecordingState } from '../features/recording/programRecorder';
import { createCaptureSlice } from './captureSlice';
import { createChatSlice } from './chatSlice';
import { createHistorySlice } from './historySlice';
import { createLiveSlice } from './liveSlice';
import { createModerationSlice } from './moderationSlice';
import { createModeratorAccessSlice } from './moderatorAccessSlice';
import { createMultistreamSlice } from './multistreamSlice';
import { createNavigationSlice } from './navigationSlice';
import { createRecordingSlice } from './recordingSlice';
import { createSettingsSlice } from './settingsSlice';
import { createStageSlice } from './stageSlice';
import type { LiveFlow } from './state/live';
import type { Recorder } from './state/recording';
import type { StudioState, StudioStore } from './state/studioState';

/**
 * Builds the long-lived managers the slices drive. Each reports back into the store through the
 * callbacks it is handed, so they are built by the store factory, between the two.
 */
export interface StudioManagers {
  liveFlow(onChange: (patch: Partial<LiveState>) => void): LiveFlow;
  recorder(hooks: { onState(recording: RecordingState): void; program(): ProgramInput }): Recorder;
}

/** One studio store: every slice built from the client and managers it receives, nothing global. */
export function createStudioStore(client: StudioClient, managers: StudioManagers): StudioStore {
  // Assigned right below; the managers only call back after the store exists (on later events).
  let store: StudioStore | null = null;
  const state = (): StudioState => store!.getState();
  const flow = managers.liveFlow((patch) => state().applyLivePatch(patch));
  const recorder = managers.recorder({
    onState: (recording) => state().applyRecording(recording),
    program: () => programInput(state()),
  });
  store = createStore<StudioState>()((...args) => ({
    ...createNavigationSlice(...args),
    ...createSettingsSlice(client)(...args),
    ...createHistorySlice(client)(...args),
    ...createCaptureSlice(client)(...args),
    ...createLiveSlice(client, flow)(...args),
    ...createStageSlice(client)(...args),
    ...createChatSlice(client)(...args),
    ...createModerationSlice(client)(...args),
    ...createModeratorAccessSlice(client)(...args),
    ...createRecordingSlice(recorder)(...args),
    ...createMultistreamSlice(client)(...args),
  }));
  return store;
}
