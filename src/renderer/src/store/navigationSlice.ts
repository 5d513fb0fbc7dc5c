import type { StateCreator } from 'zustand';
import type { StudioState } from './index';

export type View = 'studio' | 'history' | 'settings';
export type DockTab = 'chat' | 'queue' | 'audit';

export interface NavigationSlice {
  view: View;
  connection: 'connecting' | 'open' | 'closed' | 'refused';
  /** The studio dock's open tab; in the store so the skip link can open the queue. */
  dockTab: DockTab;
  /** The keyboard shortcuts dialog. */
  shortcutsOpen: boolean;
  /** Set by the skip link; the queue takes focus when it is (next) shown, then clears it. */
  queueFocusPending: boolean;
  navigate(view: View): void;
  setConnection(state: NavigationSlice['connection']): void;
  setDockTab(tab: DockTab): void;
  setShortcutsOpen(open: boolean): void;
  /** Shows the moderation queue and moves focus into it. */
  focusQueue(): void;
  queueFocused(): void;
}

export const createNavigationSlice: StateCreator<StudioState, [], [], NavigationSlice> = (set) => ({
  view: 'studio',
  connection: 'connecting',
  dockTab: 'chat',
  shortcutsOpen: false,
  queueFocusPending: false,
  navigate: (view) => set({ view }),
  setConnection: (connection) => set({ connection }),
  setDockTab: (dockTab) => set({ dockTab }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  focusQueue: () => set({ view: 'studio', dockTab: 'queue', queueFocusPending: true }),
  queueFocused: () => set({ queueFocusPending: false }),
});

export const selectView = (state: StudioState) => state.view;
export const selectConnection = (state: StudioState) => state.connection;
/** Single-key queue shortcuts: on unless the owner turned them off (moderators cannot read settings). */
export const selectQueueShortcuts = (state: StudioState) => state.settings?.studio.queueShortcuts ?? true;
