import { describe, expect, it } from 'vitest';
import { createTestStudio } from '../testSupport/testStudioStore';

describe('navigation slice', () => {
  it('starts on the studio view, connecting, with the chat tab open', () => {
    const { store } = createTestStudio();
    expect(store.getState()).toMatchObject({ view: 'studio', connection: 'connecting', dockTab: 'chat', shortcutsOpen: false });
  });

  it('navigates, tracks the link and the dock tab', () => {
    const { store, client } = createTestStudio();
    store.getState().navigate('history');
    store.getState().setConnection('open');
    store.getState().setDockTab('audit');
    store.getState().setShortcutsOpen(true);
    expect(store.getState()).toMatchObject({ view: 'history', connection: 'open', dockTab: 'audit', shortcutsOpen: true });
    expect(client.calls).toEqual([]);
  });

  it('focusing the queue opens the studio on the queue tab until the queue took focus', () => {
    const { store } = createTestStudio();
    store.getState().navigate('settings');
    store.getState().focusQueue();
    expect(store.getState()).toMatchObject({ view: 'studio', dockTab: 'queue', queueFocusPending: true });
    store.getState().queueFocused();
    expect(store.getState().queueFocusPending).toBe(false);
  });
});
