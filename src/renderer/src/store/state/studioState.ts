import type { StateCreator, StoreApi } from 'zustand';
import type { CaptureSlice } from './capture';
import type { ChatSlice } from './chat';
import type { HistorySlice } from './history';
import type { LiveSlice } from './live';
import type { ModerationSlice } from './moderation';
import type { ModeratorAccessSlice } from './moderatorAccess';
import type { MultistreamSlice } from './multistream';
import type { NavigationSlice } from './navigation';
import type { RecordingSlice } from './recording';
import type { SettingsSlice } from './settings';
import type { StageSlice } from './stage';

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

/** One studio store (the app has one; each test builds its own). */
export type StudioStore = StoreApi<StudioState>;

/** How every slice is built: it reads and writes the whole state, and returns its own part. */
export type SliceCreator<Slice> = StateCreator<StudioState, [], [], Slice>;
