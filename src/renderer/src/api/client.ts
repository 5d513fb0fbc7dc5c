import type { StudioClient } from '../../../shared/contract/studioClient';
import { ControlSocketClient, type SocketState } from './controlSocketClient';

/**
 * The studio talks to main through one client: the preload's `window.airdeck` in the desktop
 * app, or the control WebSocket when the same bundle runs in a browser (headless studio).
 */
function createClient(): { client: StudioClient; onConnectionState: (listener: (state: SocketState) => void) => () => void } {
  if (window.airdeck) {
    return { client: window.airdeck, onConnectionState: (listener) => (listener('open'), () => undefined) };
  }
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new ControlSocketClient(`${scheme}//${location.host}/control`);
  return { client: socket, onConnectionState: (listener) => (listener(socket.state), socket.onState(listener)) };
}

export const { client: studio, onConnectionState } = createClient();
