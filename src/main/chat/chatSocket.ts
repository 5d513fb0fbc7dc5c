import { WebSocketServer, type WebSocket } from 'ws';
import { CHAT_CLOSE, CHAT_MAX_FRAME_BYTES } from '../../shared/contract/chatFrames';
import type { Logger } from '../logging';
import type { ClientAddressOf } from '../server/clientAddress';
import { type ConnectionGate, FRAME_FLOOD_CLOSE, FrameBudget, isRefusal, type FrameBudgetOptions } from '../server/connectionLimits';
import { isSameOrigin } from '../server/cookies';
import { refuseUpgrade } from '../server/http';
import type { UpgradeRoute } from '../server/routes';
import { authenticateChat, type ChatAuthDeps } from './auth';
import { handleClientFrame, type FrameHandlerDeps } from './frameHandler';
import { sendNow } from './hub';
import type { ChatPeer } from './room';
import { startHeartbeat } from '../server/heartbeat';

export interface ChatSocketDeps extends FrameHandlerDeps {
  auth: ChatAuthDeps;
  log: Logger;
  /** Ping interval; a client that has not answered the previous ping is dropped (default 25 s). */
  heartbeatMs?: number;
  /** Per-address and per-identity caps, upgrade rate and the app-wide socket ceiling. */
  gate: ConnectionGate;
  clientAddress: ClientAddressOf;
  /** Frames one chat socket may send per second before `rate_limited`, then a close. */
  frameBudget: FrameBudgetOptions;
}

/** `?since=` as a seq, or null when absent or unreadable (then the client gets the latest history). */
function sinceOf(url: URL): number | null {
  const raw = url.searchParams.get('since');
  if (raw === null || !/^\d{1,15}$/u.test(raw)) return null;
  return Number(raw);
}

/**
 * The chat WebSocket (`/chat`). Authentication happens before the client is added; a refused
 * client still completes the handshake so it can read why (an error frame, then a 44xx close code
 * that tells it not to retry). Frames over 16 KiB close the socket with 1009 (ws does this).
 */
export function createChatSocket(deps: ChatSocketDeps): UpgradeRoute & { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: CHAT_MAX_FRAME_BYTES, clientTracking: true });
  const peerOf = new WeakMap<WebSocket, ChatPeer>();

  const sessionIdOf = new WeakMap<WebSocket, string>();

  function endSession(ws: WebSocket, message: string): void {
    sendNow(ws, { type: 'error', code: 'unauthorized', message });
    ws.close(CHAT_CLOSE.unauthorized, 'unauthorized');
  }
  // A revoked or expired moderator session loses its chat sockets at once.
  const stopEnded = deps.auth.sessions.onEnded((ended) => {
    for (const ws of wss.clients) if (sessionIdOf.get(ws) === ended.id) endSession(ws, 'Your moderator access has ended');
  });

  const heartbeat = startHeartbeat(wss, deps.heartbeatMs, (socket) => {
    const peer = peerOf.get(socket);
    if (peer) deps.hub.leave(peer);
  });

  return {
    path: '/chat',
    async handle(req, socket, head, url) {
      if (!isSameOrigin(req)) {
        refuseUpgrade(socket, 403, 'Cross-origin chat connections are not allowed');
        return;
      }
      let auth: Awaited<ReturnType<typeof authenticateChat>>;
      try {
        auth = await authenticateChat(req, url, deps.auth);
      } catch (error) {
        deps.log.error('chat: authentication failed unexpectedly', error);
        refuseUpgrade(socket, 400, 'Could not authenticate');
        return;
      }
      if (socket.destroyed) return;
      // After authentication, so the owner's studio is never counted with hostile sockets from its address.
      const lease = deps.gate.admit({
        address: deps.clientAddress(req),
        identity: auth.ok ? auth.who.identity : null,
        owner: auth.ok && auth.who.role === 'host',
      });
      if (isRefusal(lease)) {
        refuseUpgrade(socket, lease.status, lease.message);
        return;
      }
      socket.once('close', () => lease.release());
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('error', (error) => deps.log.warn('chat socket error', error.message));
        ws.on('close', () => lease.release());
        if (!auth.ok) {
          sendNow(ws, { type: 'error', code: auth.code, message: auth.message });
          ws.close(auth.closeCode, auth.code);
          return;
        }
        const peer = deps.hub.join(auth.streamId, auth.who, auth.actor, ws, sinceOf(url));
        if (!peer) return;
        peerOf.set(ws, peer);
        const sessionId = auth.sessionId;
        if (sessionId !== null) sessionIdOf.set(ws, sessionId);
        heartbeat.track(ws);
        const budget = new FrameBudget(deps.frameBudget);
        ws.on('close', () => deps.hub.leave(peer));
        ws.on('message', (data: Buffer, isBinary: boolean) => {
          if (sessionId !== null && !deps.auth.sessions.isActive(sessionId)) return endSession(ws, 'Your moderator access has ended');
          const verdict = budget.take();
          if (verdict === 'close') return ws.close(FRAME_FLOOD_CLOSE, 'rate_limited');
          if (verdict === 'refuse') return sendNow(ws, { type: 'error', code: 'rate_limited', message: 'Too many frames; slow down' });
          handleClientFrame(deps, peer, data, isBinary).catch((error: unknown) => deps.log.error('chat: frame failed', error));
        });
      });
    },
    close() {
      stopEnded();
      heartbeat.stop();
      wss.close();
    },
  };
}
