import type { StateCreator } from 'zustand';
import type { ConnectionTest, SettingsUpdate, SettingsView } from '../../../shared/domain/settings';
import type { AppError } from '../../../shared/result';
import { studio } from '../api/client';
import type { StudioState } from './index';

export interface SettingsSlice {
  settings: SettingsView | null;
  settingsError: AppError | null;
  settingsSaving: boolean;
  /** Set after a successful save; cleared when the form changes again. */
  settingsSavedAt: number | null;
  connectionTest: { running: boolean; result: ConnectionTest | null; error: AppError | null };
  loadSettings(): Promise<void>;
  saveSettings(update: SettingsUpdate): Promise<boolean>;
  testConnection(): Promise<void>;
  applySettings(view: SettingsView): void;
}

export const createSettingsSlice: StateCreator<StudioState, [], [], SettingsSlice> = (set) => ({
  settings: null,
  settingsError: null,
  settingsSaving: false,
  settingsSavedAt: null,
  connectionTest: { running: false, result: null, error: null },
  loadSettings: async () => {
    const result = await studio.invoke('settings.get', {});
    if (result.ok) set({ settings: result.value, settingsError: null });
    else set({ settingsError: result.error });
  },
  saveSettings: async (update) => {
    set({ settingsSaving: true, settingsError: null, settingsSavedAt: null });
    const result = await studio.invoke('settings.update', update);
    if (result.ok) set({ settings: result.value, settingsSaving: false, settingsSavedAt: Date.now() });
    else set({ settingsError: result.error, settingsSaving: false });
    return result.ok;
  },
  testConnection: async () => {
    set({ connectionTest: { running: true, result: null, error: null } });
    const result = await studio.invoke('settings.testConnection', {});
    set({
      connectionTest: result.ok
        ? { running: false, result: result.value, error: null }
        : { running: false, result: null, error: result.error },
    });
  },
  applySettings: (view) => set({ settings: view }),
});

export const selectSettings = (state: StudioState) => state.settings;
/** Which LiveKit server the studio talks to (the local rehearsal server, or the configured one). */
export const selectLivekitServer = (state: StudioState) => state.settings?.livekitServer ?? null;
