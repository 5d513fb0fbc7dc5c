import type { WebSocket, WebSocketServer } from 'ws';

/** How often every socket is pinged; a socket that did not answer the previous ping is dropped. */
export const SOCKET_HEARTBEAT_MS = 25_000;

export interface Heartbeat {
  /** Starts watching a newly accepted socket (it counts as alive until the next ping). */
  track(socket: WebSocket): void;
  stop(): void;
}

/**
 * One ping/pong keep-alive for a WebSocket server's clients, shared by the control, chat and
 * page-event sockets: a peer that vanished without a FIN (sleep, network loss) is found within two
 * intervals. `onDead` runs before the socket is terminated, so its owner can forget it at once —
 * the 'close' event of a dead peer can take a while to arrive.
 */
export function startHeartbeat(wss: WebSocketServer, everyMs = SOCKET_HEARTBEAT_MS, onDead?: (socket: WebSocket) => void): Heartbeat {
  const alive = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.has(socket)) {
        onDead?.(socket);
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, everyMs);
  timer.unref();
  return {
    track(socket) {
      alive.add(socket);
      socket.on('pong', () => alive.add(socket));
    },
    stop: () => clearInterval(timer),
  };
}
