import type { StudioState } from '../state/studioState';

export const selectView = (state: StudioState) => state.view;

export const selectConnection = (state: StudioState) => state.connection;

/** Single-key queue shortcuts: on unless the owner turned them off (moderators cannot read settings). */
export const selectQueueShortcuts = (state: StudioState) => state.settings?.studio.queueShortcuts ?? true;
