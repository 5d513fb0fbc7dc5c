import type { StudioState } from '../state/studioState';

export const selectSessionRole = (state: StudioState) => state.sessionRole;

export const selectQueue = (state: StudioState) => state.queue;

export const selectQueueCount = (state: StudioState) => state.queue.length;
