import type { StudioState } from '../state/studioState';

export const selectView = (state: StudioState) => state.view;

export const selectConnection = (state: StudioState) => state.connection;

/** Single-key queue shortcuts: on unless the owner turned them off (moderators cannot read settings). */
export const selectQueueShortcuts = (state: StudioState) => state.settings?.studio.queueShortcuts ?? true;

export const selectNavigate = (state: StudioState) => state.navigate;

export const selectShortcutsOpen = (state: StudioState) => state.shortcutsOpen;

export const selectSetShortcutsOpen = (state: StudioState) => state.setShortcutsOpen;

export const selectQueueFocusPending = (state: StudioState) => state.queueFocusPending;

export const selectDockTab = (state: StudioState) => state.dockTab;

export const selectSetDockTab = (state: StudioState) => state.setDockTab;

export const selectIsDisconnected = (state: StudioState) => state.connection !== 'open';
