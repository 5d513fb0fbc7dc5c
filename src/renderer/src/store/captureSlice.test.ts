import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/result';
import { createTestStudio, fakeTrack } from '../testSupport/testStudioStore';

describe('capture slice', () => {
  it('mutes the microphone: the track, the state and what is on air', async () => {
    const { flow, store } = createTestStudio();
    const mic = fakeTrack('mic');
    store.setState({ microphoneTrack: mic });
    await store.getState().toggleMic();
    expect(mic.enabled).toBe(false);
    expect(store.getState().micMuted).toBe(true);
    expect(flow.mutes).toEqual([{ source: 'microphone', muted: true }]);
  });

  it('turns the camera off and on again', async () => {
    const { flow, store } = createTestStudio();
    const camera = fakeTrack('cam');
    store.setState({ cameraTrack: camera });
    await store.getState().toggleCamera();
    await store.getState().toggleCamera();
    expect(camera.enabled).toBe(true);
    expect(flow.mutes.map((m) => m.muted)).toEqual([true, false]);
  });

  it('opens the app picker with the sources main lists', async () => {
    const { client, store } = createTestStudio();
    const sources = [{ id: 'screen:1', name: 'Screen 1' }];
    client.answer('capture.listSources', ok({ picker: 'app', sources } as never));
    await store.getState().shareScreen();
    expect(store.getState().picker).toEqual({ open: true, loading: false, sources, error: null });
    store.getState().closePicker();
    expect(store.getState().picker.open).toBe(false);
  });

  it('shows why a chosen source could not be selected', async () => {
    const { client, store } = createTestStudio();
    client.answer('capture.selectSource', fail('not_found', 'Window closed'));
    await store.getState().chooseSource('window:2');
    expect(client.paramsOf('capture.selectSource')).toEqual([{ id: 'window:2', withAudio: false }]);
    expect(store.getState().picker).toMatchObject({ loading: false, error: 'Window closed' });
  });

  it('takes the screen off air before releasing it', async () => {
    const { flow, store } = createTestStudio();
    const screen = fakeTrack('screen');
    store.setState({ screenTrack: screen });
    await store.getState().stopScreen();
    expect(flow.replaced).toEqual([{ source: 'screen', track: null }]);
    expect(store.getState().screenTrack).toBeNull();
    expect((screen as unknown as { stopped: boolean }).stopped).toBe(true);
  });

  it('records a device that cannot be opened as an issue', async () => {
    const { store } = createTestStudio();
    expect(await store.getState().openDevice('camera')).toBeNull();
    expect(store.getState().captureIssues.camera).toBeDefined();
  });
});
