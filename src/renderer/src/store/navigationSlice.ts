import type { SliceCreator } from './state/studioState';
import type { NavigationSlice } from './state/navigation';

export const createNavigationSlice: SliceCreator<NavigationSlice> = (set) => ({
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
