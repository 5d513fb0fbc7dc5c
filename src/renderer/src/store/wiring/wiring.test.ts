import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Emitter } from '../../../../shared/emitter';
import type { SessionRole } from '../../../../shared/contract/studioApi';
import type { SocketState } from '../../api/controlSocketClient';
import { FakeStudioClient } from '../../testSupport/fakeStudioClient';
import { FakeLiveFlow, FakeRecorder } from '../../testSupport/testStudioStore';
import { createStudio } from '../createStudio';

/** The app's own studio, built by `createStudio()` over a fake client, link, flow, recorder and key target. */
function wiredStudio() {
  const client = new FakeStudioClient();
  const flow = new FakeLiveFlow();
  const recorder = new FakeRecorder();
  const link = new Emitter<{ state: SocketState; role: SessionRole }>();
  const connection = {
    client,
    onConnectionState: (listener: (state: SocketState) => void) => link.on('state', listener),
    onSessionRole: (listener: (role: SessionRole) => void) => link.on('role', listener),
  };
  const keys = new EventTarget();
  const { store, stop } = createStudio(connection, {
    liveFlow: ({ onChange }) => ((flow.report = onChange), flow),
    recorder: ({ onState }) => ((recorder.report = onState), recorder),
    keys: () => keys as unknown as Window,
  });
  const open = (role: SessionRole) => {
    link.emit('state', 'open');
    link.emit('role', role);
  };
  const press = (key: string, ctrlKey = true) =>
    keys.dispatchEvent(
      Object.assign(new Event('keydown', { cancelable: true }), { key, ctrlKey, metaKey: false, altKey: false, shiftKey: false }),
    );
  return { client, flow, recorder, store, open, press, stop };
}

describe('studio wiring', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('subscribes stream.state once, for the live state and the chat alike', async () => {
    const { client, store, flow, open } = wiredStudio();
    expect(client.listenerCount('stream.state')).toBe(1);
    open('owner');
    await vi.runAllTimersAsync();
    const before = client.paramsOf('chat.history').length;
    client.push('stream.state', { live: null } as never);
    await vi.runAllTimersAsync();
    expect(flow.endedByMainCount).toBe(1);
    expect(client.paramsOf('chat.history').length).toBe(before);
    client.push('stream.state', { live: { streamId: 's9' } } as never);
    await vi.runAllTimersAsync();
    expect(client.paramsOf('chat.history').length).toBe(before + 1);
    expect(store.getState().connection).toBe('open');
  });

  it('loads the owner studio once the link opens: settings, destinations, resume, stage, invites, moderators, chat', async () => {
    const { client, open } = wiredStudio();
    expect(client.calls).toEqual([]);
    open('owner');
    await vi.runAllTimersAsync();
    expect(new Set(client.methods())).toEqual(
      new Set([
        'settings.get',
        'multistream.list',
        'multistream.status',
        'stream.current',
        'invites.list',
        'stage.get',
        'chat.history',
        'rules.get',
        'moderators.list',
      ]),
    );
  });

  it('reloads the stage for the owner when the stream goes live and when it ends', async () => {
    const { client, open, store } = wiredStudio();
    open('owner');
    await vi.runAllTimersAsync();
    const stageLoads = () => client.paramsOf('stage.get').length;
    expect(stageLoads()).toBe(1);
    for (const [phase, loads] of [
      ['creating', 1],
      ['live', 2],
      ['ending', 2],
      ['idle', 3],
    ] as const) {
      store.setState({ livePhase: phase });
      expect(stageLoads()).toBe(loads);
    }
  });

  it('gives a co-moderator session the chat only', async () => {
    const { client, open, press, store } = wiredStudio();
    open('moderator');
    await vi.runAllTimersAsync();
    expect(new Set(client.methods())).toEqual(new Set(['chat.history', 'rules.get']));
    press('d');
    expect(store.getState().micMuted).toBe(false);
  });

  it('toggles the microphone with Ctrl+D and the camera with Ctrl+E, not in voice-only', () => {
    const { open, press, store } = wiredStudio();
    open('owner');
    press('d');
    press('e');
    expect(store.getState()).toMatchObject({ micMuted: true, cameraOff: true });
    store.setState({ draftMode: 'voice_only' });
    press('e');
    expect(store.getState().cameraOff).toBe(true);
  });

  it('forwards pushed events to their actions', () => {
    const { client, store } = wiredStudio();
    client.push('stage.changed', { guests: [], spotlight: 'guest-a' });
    client.push('settings.changed', { studio: {} } as never);
    expect(store.getState().stage.spotlight).toBe('guest-a');
    expect(store.getState().settings).not.toBeNull();
  });

  it('stops every subscription', () => {
    const { client, stop } = wiredStudio();
    stop();
    expect(client.listenerCount('stream.state')).toBe(0);
    expect(client.listenerCount('chat.messages')).toBe(0);
  });
});
