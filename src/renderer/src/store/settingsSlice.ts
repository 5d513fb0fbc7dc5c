import type { StudioClient } from '../../../shared/contract/studioClient';

import type { SliceCreator } from './state/studioState';
import type { SettingsSlice } from './state/settings';

export const createSettingsSlice =
  (client: StudioClient): SliceCreator<SettingsSlice> =>
  (set) => ({
    settings: null,
    settingsError: null,
    settingsSaving: false,
    settingsSavedAt: null,
    connectionTest: { running: false, result: null, error: null },
    loadSettings: async () => {
      const result = await client.invoke('settings.get', {});
      if (result.ok) set({ settings: result.value, settingsError: null });
      else set({ settingsError: result.error });
    },
    saveSettings: async (update) => {
      set({ settingsSaving: true, settingsError: null, settingsSavedAt: null });
      const result = await client.invoke('settings.update', update);
      if (result.ok) set({ settings: result.value, settingsSaving: false, settingsSavedAt: Date.now() });
      else set({ settingsError: result.error, settingsSaving: false });
      return result.ok;
    },
    testConnection: async () => {
      set({ connectionTest: { running: true, result: null, error: null } });
      const result = await client.invoke('settings.testConnection', {});
      set({
        connectionTest: result.ok
          ? { running: false, result: result.value, error: null }
          : { running: false, result: null, error: result.error },
      });
    },
    applySettings: (view) => set({ settings: view }),
  });
