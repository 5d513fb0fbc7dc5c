import { describe, expect, it } from 'vitest';
import type { ConnectionTest, SettingsView } from '../../../shared/domain/settings';
import { fail, ok } from '../../../shared/result';
import { createTestStudio } from '../testSupport/testStudioStore';

const view = { studio: { recordLocally: true, queueShortcuts: true } } as SettingsView;

describe('settings slice', () => {
  it('loads settings from the client', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('settings.get', view);
    await store.getState().loadSettings();
    expect(client.methods()).toEqual(['settings.get']);
    expect(store.getState().settings).toBe(view);
    expect(store.getState().settingsError).toBeNull();
  });

  it('keeps the error when loading fails', async () => {
    const { client, store } = createTestStudio();
    client.answer('settings.get', fail('forbidden', 'owners only'));
    await store.getState().loadSettings();
    expect(store.getState().settings).toBeNull();
    expect(store.getState().settingsError).toEqual({ code: 'forbidden', message: 'owners only' });
  });

  it('saves an update and marks when it was saved', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('settings.update', view);
    const update = { studio: { recordLocally: false } };
    expect(await store.getState().saveSettings(update)).toBe(true);
    expect(client.paramsOf('settings.update')).toEqual([update]);
    expect(store.getState()).toMatchObject({ settings: view, settingsSaving: false });
    expect(store.getState().settingsSavedAt).not.toBeNull();
  });

  it('reports a refused save and stops saving', async () => {
    const { client, store } = createTestStudio();
    client.answer('settings.update', fail('bad_request', 'bad url'));
    expect(await store.getState().saveSettings({})).toBe(false);
    expect(store.getState()).toMatchObject({ settingsSaving: false, settingsSavedAt: null, settingsError: { code: 'bad_request' } });
  });

  it('tests the connection and keeps the result or the error', async () => {
    const { client, store } = createTestStudio();
    const result = { ok: true } as unknown as ConnectionTest;
    client.answer('settings.testConnection', ok(result));
    await store.getState().testConnection();
    expect(store.getState().connectionTest).toEqual({ running: false, result, error: null });
    client.answer('settings.testConnection', fail('livekit_unreachable', 'down'));
    await store.getState().testConnection();
    expect(store.getState().connectionTest).toMatchObject({ running: false, result: null, error: { code: 'livekit_unreachable' } });
  });

  it('applies pushed settings', () => {
    const { store } = createTestStudio();
    store.getState().applySettings(view);
    expect(store.getState().settings).toBe(view);
  });
});
