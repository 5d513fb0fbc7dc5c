import type { StudioState } from '../state/studioState';

export const selectSettings = (state: StudioState) => state.settings;

/** Which LiveKit server the studio talks to (the local rehearsal server, or the configured one). */
export const selectLivekitServer = (state: StudioState) => state.settings?.livekitServer ?? null;
