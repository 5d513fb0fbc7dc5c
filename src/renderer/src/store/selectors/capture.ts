import type { StudioState } from '../state/studioState';

export const selectCaptureIssues = (state: StudioState) => state.captureIssues;

export const selectScreenTrack = (state: StudioState) => state.screenTrack;

export const selectCameraShowing = (state: StudioState) => state.cameraTrack !== null && !state.cameraOff;

export const selectIsSharingScreen = (state: StudioState) => state.screenTrack !== null;

export const selectScreenIssue = (state: StudioState) => state.captureIssues.screen;

export const selectMicMuted = (state: StudioState) => state.micMuted;

export const selectCameraOff = (state: StudioState) => state.cameraOff;

export const selectCameraIssue = (state: StudioState) => state.captureIssues.camera;

export const selectCameraTrack = (state: StudioState) => state.cameraTrack;

export const selectMicrophoneTrack = (state: StudioState) => state.microphoneTrack;

export const selectCameras = (state: StudioState) => state.cameras;

export const selectMicrophones = (state: StudioState) => state.microphones;

export const selectCameraId = (state: StudioState) => state.cameraId;

export const selectMicrophoneId = (state: StudioState) => state.microphoneId;

export const selectPicker = (state: StudioState) => state.picker;
