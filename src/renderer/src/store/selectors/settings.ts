import type { StudioState } from '../state/studioState';

export const selectSettings = (state: StudioState) => state.settings;

/** Which LiveKit server the studio talks to (the local rehearsal server, or the configured one). */
export const selectLivekitServer = (state: StudioState) => state.settings?.livekitServer ?? null;

/** Whether the owner records streams on this machine (on until Settings say otherwise). */
export const selectRecordLocally = (state: StudioState) => state.settings?.studio.recordLocally ?? true;

export const selectConnectionTest = (state: StudioState) => state.connectionTest;

export const selectTestConnection = (state: StudioState) => state.testConnection;

export const selectSettingsError = (state: StudioState) => state.settingsError;

export const selectSettingsSaving = (state: StudioState) => state.settingsSaving;

export const selectSettingsSavedAt = (state: StudioState) => state.settingsSavedAt;

export const selectSaveSettings = (state: StudioState) => state.saveSettings;
