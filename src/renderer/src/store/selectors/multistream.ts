import type { StudioState } from '../state/studioState';

/** The studio must send the program while live: to record it, or for a destination that is on. */
export const selectWantsProgram = (state: StudioState): boolean =>
  Boolean(state.settings?.studio.recordLocally) || state.destinations.some((destination) => destination.enabled && destination.hasKey);
