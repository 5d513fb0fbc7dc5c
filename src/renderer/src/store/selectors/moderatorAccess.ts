import type { StudioState } from '../state/studioState';

export const selectModeratorSessions = (state: StudioState) => state.moderatorSessions;

export const selectModeratorSessionsError = (state: StudioState) => state.moderatorSessionsError;

export const selectRevokeModeratorSession = (state: StudioState) => state.revokeModeratorSession;
