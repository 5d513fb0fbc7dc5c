import { create } from 'zustand';
import { createHistorySlice, type HistorySlice } from './historySlice';
import { createNavigationSlice, type NavigationSlice } from './navigationSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';

/** The studio's state: one store, one slice per feature; components read it through selectors. */
export type StudioState = NavigationSlice & SettingsSlice & HistorySlice;

export const useStudio = create<StudioState>()((...args) => ({
  ...createNavigationSlice(...args),
  ...createSettingsSlice(...args),
  ...createHistorySlice(...args),
}));
