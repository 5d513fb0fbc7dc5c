import { create } from 'zustand';
import { createCaptureSlice, type CaptureSlice } from './captureSlice';
import { createChatSlice, type ChatSlice } from './chatSlice';
import { createHistorySlice, type HistorySlice } from './historySlice';
import { createLiveSlice, type LiveSlice } from './liveSlice';
import { createModerationSlice, type ModerationSlice } from './moderationSlice';
import { createModeratorAccessSlice, type ModeratorAccessSlice } from './moderatorAccessSlice';
import { createMultistreamSlice, type MultistreamSlice } from './multistreamSlice';
import { createNavigationSlice, type NavigationSlice } from './navigationSlice';
import { createRecordingSlice, type RecordingSlice } from './recordingSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';
import { createStageSlice, type StageSlice } from './stageSlice';

/** The studio's state: one store, one slice per feature; components read it through selectors. */
export type StudioState = NavigationSlice &
  SettingsSlice &
  HistorySlice &
  CaptureSlice &
  LiveSlice &
  StageSlice &
  ChatSlice &
  ModerationSlice &
  ModeratorAccessSlice &
  RecordingSlice &
  MultistreamSlice;

export const useStudio = create<StudioState>()((...args) => ({
  ...createNavigationSlice(...args),
  ...createSettingsSlice(...args),
  ...createHistorySlice(...args),
  ...createCaptureSlice(...args),
  ...createLiveSlice(...args),
  ...createStageSlice(...args),
  ...createChatSlice(...args),
  ...createModerationSlice(...args),
  ...createModeratorAccessSlice(...args),
  ...createRecordingSlice(...args),
  ...createMultistreamSlice(...args),
}));
