import type { StudioState } from '../state/studioState';

/** The studio must send the program while live: to record it, or for a destination that is on. */
export const selectWantsProgram = (state: StudioState): boolean =>
  Boolean(state.settings?.studio.recordLocally) || state.destinations.some((destination) => destination.enabled && destination.hasKey);

/** The shared encode's video bitrate: every destination uploads it. */
export const selectVideoKbps = (state: StudioState) => state.multistreamOutput.videoKbps;

export const selectDestinations = (state: StudioState) => state.destinations;

export const selectUplinkCapacity = (state: StudioState) => state.uplinkCapacity;

export const selectMultistreamStatus = (state: StudioState) => state.multistreamStatus;

export const selectMultistreamError = (state: StudioState) => state.multistreamError;

export const selectAddDestination = (state: StudioState) => state.addDestination;

export const selectUpdateDestination = (state: StudioState) => state.updateDestination;

export const selectRemoveDestination = (state: StudioState) => state.removeDestination;
