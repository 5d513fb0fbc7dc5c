import type { ConnectionTest, SettingsUpdate, SettingsView } from '../../../../shared/domain/settings';
import type { AppError } from '../../../../shared/result';

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
