import type { SessionRole } from '../../../shared/contract/studioApi';
import type { StudioClient } from '../../../shared/contract/studioClient';
import { ControlSocketClient, type SocketState } from './controlSocketClient';

/** The studio's link to main: the client, and who this session is and whether the link is up. */
export interface StudioConnection {
  client: StudioClient;
  onConnectionState(listener: (state: SocketState) => void): () => void;
  onSessionRole(listener: (role: SessionRole) => void): () => void;
}

/**
 * The studio talks to main through one client: the preload's `window.airdeck` in the desktop
 * app, or the control WebSocket when the same bundle runs in a browser (headless studio).
 * Called once by the app's entry; nothing connects when this module is imported.
 */
export function connectStudioClient(): StudioConnection {
  if (window.airdeck) {
    // The desktop window is the host's own: always the owner.
    return {
      client: window.airdeck,
      onConnectionState: (listener) => (listener('open'), () => undefined),
      onSessionRole: (listener) => (listener('owner'), () => undefined),
    };
  }
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new ControlSocketClient(`${scheme}//${location.host}/control`);
  return {
    client: socket,
    onConnectionState: (listener) => (listener(socket.state), socket.onState(listener)),
    // In a browser the server says who we are (owner, or a co-moderator from a moderator link).
    onSessionRole: (listener) => {
      if (socket.role) listener(socket.role);
      return socket.onRole(listener);
    },
  };
}
