import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/ipc';
import { fail } from '../../shared/result';
import type { Dispatch } from '../api/dispatch';
import type { EventBus } from '../api/eventBus';

/**
 * The Electron transport of the studio API. Every call is checked to come from the studio
 * window's own top frame on one of our pages; params are validated by the dispatcher.
 */
export function connectIpc(options: {
  window: BrowserWindow;
  dispatch: Dispatch;
  bus: EventBus;
  isOwnPage: (url: string) => boolean;
}): () => void {
  const { window, dispatch, bus } = options;
  const trusted = (frame: WebFrameMain | null): boolean =>
    frame !== null && frame === window.webContents.mainFrame && options.isOwnPage(frame.url);

  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, method: unknown, params: unknown) => {
    if (!trusted(event.senderFrame)) return fail('forbidden', 'Calls are accepted only from the studio window');
    return dispatch(method, params, { role: 'owner', actor: 'host' });
  });
  const stopEvents = bus.onAny((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
  });
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    stopEvents();
  };
}
