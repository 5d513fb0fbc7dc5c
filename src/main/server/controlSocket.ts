import { WebSocketServer, type WebSocket } from 'ws';
import { CallFrameSchema, CONTROL_MAX_FRAME_BYTES, type ServerFrame } from '../../shared/contract/controlFrames';
import { studioEvents, type EventName } from '../../shared/contract/studioApi';
import type { ErrorCode } from '../../shared/result';
import { describeZodError } from '../../shared/zodIssues';
import type { Dispatch } from '../api/dispatch';
import type { EventBus } from '../api/eventBus';
import type { Logger } from '../logging';
import type { ClientAddressOf } from './clientAddress';
import {
  type ConnectionGate,
  FRAME_FLOOD_CLOSE,
  FrameBudget,
  isRefusal,
  type FrameBudgetOptions,
  type GateOptions,
} from './connectionLimits';
import { isSameOrigin, sessionTokenOf } from './cookies';
import { refuseUpgrade } from './http';
import type { UpgradeRoute } from './routes';
import type { Session, SessionRegistry } from './sessions';
import { sendOrCutOff } from './backpressure';
import { startHeartbeat } from './heartbeat';

/** Frames above the contract limit get a `too_large` error frame; far beyond it, ws closes (1009). */
const HARD_FRAME_LIMIT = 1024 * 1024;
/** A client that stops reading is cut off once this much is queued for it. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** Close code for a socket whose session was revoked or expired: do not reconnect with it. */
const SESSION_ENDED_CLOSE = 4401;
/** The standard "going away" close code, sent to every console when the server stops. */
const GOING_AWAY_CLOSE = 1001;

export interface ControlSocketDeps {
  sessions: SessionRegistry;
  dispatch: Dispatch;
  bus: EventBus;
  log: Logger;
  version: string;
  /** Per-address and per-session caps, upgrade rate and the app-wide socket ceiling. */
  gate: ConnectionGate;
  clientAddress: ClientAddressOf;
}

/** Co-moderator consoles: a few per address and per session; the owner is never capped here. */
export const CONTROL_GATE: GateOptions = { maxPerAddress: 20, maxPerIdentity: 10, upgradeBurst: 30, upgradesPerSecond: 2 };

/** Calls a moderator console may make per second; the studio loads many at once, so a generous burst. */
const MODERATOR_FRAME_BUDGET: FrameBudgetOptions = { burst: 60, perSecond: 20, maxRefused: 10 };

/**
 * The studio API over WebSocket (`/control`). Each frame is one call; every failure, including
 * frames that cannot be read, is answered with an error frame and the connection stays open.
 */
export function createControlSocket(deps: ControlSocketDeps): UpgradeRoute & { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT });
  const sessionOf = new WeakMap<WebSocket, Session>();

  const stopEvents = deps.bus.onAny((event, payload) => {
    const roles = studioEvents[event].roles as readonly string[];
    const text = JSON.stringify({ type: 'event', event, payload } satisfies ServerFrame);
    for (const socket of wss.clients) {
      const session = sessionOf.get(socket);
      if (session && roles.includes(session.role)) sendText(socket, text);
    }
  });

  function endSocket(socket: WebSocket, reason: string): void {
    frameError(socket, null, 'unauthorized', reason);
    socket.close(SESSION_ENDED_CLOSE, 'session_ended');
  }
  // A revoked or expired session loses its sockets at once, not at its next call.
  const stopEnded = deps.sessions.onEnded((ended, why) => {
    for (const socket of wss.clients) {
      if (sessionOf.get(socket)?.id === ended.id)
        endSocket(socket, why === 'expired' ? 'This session has expired' : 'This session was revoked');
    }
  });

  const heartbeat = startHeartbeat(wss);

  function sendText(socket: WebSocket, text: string): void {
    if (socket.readyState !== socket.OPEN) return;
    if (!sendOrCutOff(socket, text, MAX_BUFFERED_BYTES)) deps.log.warn('control socket: client is not reading; disconnecting it');
  }

  function send(socket: WebSocket, frame: ServerFrame): void {
    sendText(socket, JSON.stringify(frame));
  }

  function frameError(socket: WebSocket, id: number | null, code: ErrorCode, message: string): void {
    send(socket, { type: 'error', id, error: { code, message } });
  }

  async function onMessage(socket: WebSocket, session: Session, data: Buffer, isBinary: boolean): Promise<void> {
    if (data.length > CONTROL_MAX_FRAME_BYTES) {
      frameError(socket, null, 'too_large', `Frame of ${data.length} bytes exceeds the ${CONTROL_MAX_FRAME_BYTES}-byte limit`);
      return;
    }
    if (isBinary) {
      frameError(socket, null, 'bad_request', 'Frames must be JSON text');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data.toString('utf8'));
    } catch {
      frameError(socket, null, 'bad_request', 'Frame is not valid JSON');
      return;
    }
    const frame = CallFrameSchema.safeParse(json);
    if (!frame.success) {
      const id = typeof (json as { id?: unknown })?.id === 'number' ? (json as { id: number }).id : null;
      frameError(socket, id, 'bad_request', `Malformed call frame: ${describeZodError(frame.error)}`);
      return;
    }
    const result = await deps.dispatch(frame.data.method, frame.data.params, { role: session.role, actor: session.actor });
    send(socket, { type: 'result', id: frame.data.id, result });
  }

  wss.on('connection', (socket: WebSocket, session: Session) => {
    sessionOf.set(socket, session);
    heartbeat.track(socket);
    // The owner's own studio is never throttled; a hostile or buggy console is.
    const budget = session.role === 'owner' ? null : new FrameBudget(MODERATOR_FRAME_BUDGET);
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!deps.sessions.isActive(session.id)) return endSocket(socket, 'This session has ended');
      const verdict = budget?.take() ?? 'ok';
      if (verdict === 'close') return socket.close(FRAME_FLOOD_CLOSE, 'rate_limited');
      if (verdict === 'refuse') return frameError(socket, null, 'rate_limited', 'Too many calls; slow down');
      onMessage(socket, session, data, isBinary).catch((error: unknown) => {
        deps.log.error('control socket: unexpected failure', error);
        frameError(socket, null, 'internal', 'The call failed unexpectedly');
      });
    });
    socket.on('error', (error) => deps.log.warn('control socket error', error.message));
    send(socket, { type: 'hello', role: session.role, serverVersion: deps.version });
  });

  return {
    path: '/control',
    handle(req, socket, head, url) {
      if (!isSameOrigin(req)) {
        refuseUpgrade(socket, 403, 'Cross-origin control connections are not allowed');
        return;
      }
      const session = deps.sessions.verify(sessionTokenOf(req, url));
      if (!session) {
        refuseUpgrade(socket, 401, 'A valid session token is required');
        return;
      }
      const lease = deps.gate.admit({ address: deps.clientAddress(req), identity: session.id, owner: session.role === 'owner' });
      if (isRefusal(lease)) {
        refuseUpgrade(socket, lease.status, lease.message);
        return;
      }
      socket.once('close', () => lease.release());
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('close', () => lease.release());
        wss.emit('connection', ws, session);
      });
    },
    close() {
      stopEvents();
      stopEnded();
      heartbeat.stop();
      for (const socket of wss.clients) socket.close(GOING_AWAY_CLOSE, 'Server shutting down');
      wss.close();
    },
  };
}

export type { EventName };
