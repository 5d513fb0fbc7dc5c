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
