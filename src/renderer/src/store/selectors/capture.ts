import type { StudioState } from '../state/studioState';

export const selectCaptureIssues = (state: StudioState) => state.captureIssues;

export const selectScreenTrack = (state: StudioState) => state.screenTrack;
