import type { StudioState } from '../state/studioState';

export const selectRecording = (state: StudioState) => state.recording;
