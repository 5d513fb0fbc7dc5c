import type { StateCreator } from 'zustand';
import type { StudioState } from './index';

export type View = 'studio' | 'history' | 'settings';

export interface NavigationSlice {
  view: View;
  connection: 'connecting' | 'open' | 'closed' | 'refused';
  navigate(view: View): void;
  setConnection(state: NavigationSlice['connection']): void;
}

export const createNavigationSlice: StateCreator<StudioState, [], [], NavigationSlice> = (set) => ({
  view: 'studio',
  connection: 'connecting',
  navigate: (view) => set({ view }),
  setConnection: (connection) => set({ connection }),
});

export const selectView = (state: StudioState) => state.view;
export const selectConnection = (state: StudioState) => state.connection;
