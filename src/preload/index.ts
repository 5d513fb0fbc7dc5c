import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/contract/ipc';
import type { StudioClient } from '../shared/contract/studioClient';

/**
 * The renderer's only door to main: two functions, typed by the studio contract. `ipcRenderer`
 * itself is never exposed; main validates the sender frame and every param.
 */
const api: StudioClient = {
  invoke: (method, params) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, params),
  subscribe: (event, listener) => {
    const forward = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('airdeck', api);
