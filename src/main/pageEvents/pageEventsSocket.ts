import { WebSocketServer, type WebSocket } from 'ws';
import {
  ClientPageFrameSchema,
  PAGE_EVENTS_CLOSE,
  PAGE_EVENTS_MAX_FRAME_BYTES,
  PAGE_EVENTS_PATH,
  type ServerPageFrame,
} from '../../shared/contract/pageEvents';
import { AppFailure, type ErrorCode } from '../../shared/result';
import type { Logger } from '../logging';
import { isSameOrigin } from '../server/cookies';
import { refuseUpgrade } from '../server/http';
import type { ClientAddressOf } from '../server/clientAddress';
import {
  type ConnectionGate,
  DEFAULT_FRAME_BUDGET,
  FRAME_FLOOD_CLOSE,
  FrameBudget,
  isRefusal,
  type FrameBudgetOptions,
  type GateOptions,
} from '../server/connectionLimits';
import type { UpgradeRoute } from '../server/routes';
import type { PageEventsHub, PageSubscriber } from './pageEventsHub';
import { startHeartbeat } from '../server/heartbeat';

export interface PageEventsSocketDeps {
  hub: PageEventsHub;
  /** Checks a guest token; throws `AppFailure('unauthorized')` for one we never issued. */
  authenticateGuest(guestToken: string): { identity: string };
  log: Logger;
  /** Ping interval; a page that has not answered the previous ping is dropped (default 25 s). */
  heartbeatMs?: number;
  /** The client address of an upgrade (trusted proxies honoured). */
  clientAddress: ClientAddressOf;
  /** Per-address caps, the upgrade rate and the app-wide socket ceiling (see connectionLimits). */
  gate: ConnectionGate;
  /** Frames a page may send per second; it sends one in its life (default DEFAULT_FRAME_BUDGET). */
  frameBudget?: FrameBudgetOptions;
}

/** A household of tabs, not a botnet; pages carry no proven identity until their one frame. */
export const PAGE_EVENTS_GATE: GateOptions = { maxPerAddress: 20, maxPerIdentity: 20, upgradeBurst: 30, upgradesPerSecond: 2 };

/** Unusable frames a page may send before it is closed (a page sends one frame in its life). */
const MAX_BAD_FRAMES = 3;

/**
 * The public page events socket (`/events`), built like the chat socket: same-origin only,
 * small frames (bigger closes with 1009, ws does this), a heartbeat, bounded sockets per address
 * and in all, and slow readers cut off by the hub. The only thing a page may send is its guest
 * token, once; the token is checked and never logged.
 */
export function createPageEventsSocket(deps: PageEventsSocketDeps): UpgradeRoute & { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: PAGE_EVENTS_MAX_FRAME_BYTES, clientTracking: true });
  const subscriberOf = new WeakMap<WebSocket, PageSubscriber>();

  const heartbeat = startHeartbeat(wss, deps.heartbeatMs, (socket) => {
    const subscriber = subscriberOf.get(socket);
    if (subscriber) deps.hub.remove(subscriber);
  });

  function reply(ws: WebSocket, code: ErrorCode, message: string): void {
    ws.send(JSON.stringify({ type: 'error', code, message } satisfies ServerPageFrame));
  }

  function onFrame(ws: WebSocket, subscriber: PageSubscriber, data: Buffer, isBinary: boolean, bad: { count: number }): void {
    const refuse = (message: string): void => {
      reply(ws, 'bad_request', message);
      if (++bad.count >= MAX_BAD_FRAMES) ws.close(PAGE_EVENTS_CLOSE.badInput, 'bad_request');
    };
    if (isBinary) return refuse('Frames are JSON text');
    let json: unknown;
    try {
      json = JSON.parse(data.toString('utf8'));
    } catch {
      // Answered with a coded refusal; the parser's message adds nothing for the page.
      return refuse('Frame is not valid JSON');
    }
    const parsed = ClientPageFrameSchema.safeParse(json);
    if (!parsed.success) return refuse('Unknown frame; the only frame a page sends is {"type":"guest","guestToken":…}');
    if (subscriber.guest !== null) return refuse('This socket already follows a guest');
    let identity: string;
    try {
      identity = deps.authenticateGuest(parsed.data.guestToken).identity;
    } catch (error) {
      if (error instanceof AppFailure && error.code === 'unauthorized') {
        reply(ws, 'unauthorized', error.message);
        ws.close(PAGE_EVENTS_CLOSE.unauthorized, 'unauthorized');
        return;
      }
      deps.log.error('page events: guest check failed', error);
      reply(ws, 'internal', 'Could not check the guest session; the page keeps polling');
      return;
    }
    deps.hub.subscribeGuest(subscriber, identity);
  }

  return {
    path: PAGE_EVENTS_PATH,
    handle(req, socket, head) {
      if (!isSameOrigin(req)) {
        refuseUpgrade(socket, 403, 'Cross-origin page event connections are not allowed');
        return;
      }
      const address = deps.clientAddress(req);
      // Reconnect storms and socket hoarding from one address are refused before the handshake.
      const lease = deps.gate.admit({ address, identity: null, owner: false });
      if (isRefusal(lease)) {
        refuseUpgrade(socket, lease.status, lease.message);
        return;
      }
      socket.once('close', () => lease.release());
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('error', (error) => deps.log.warn('page events socket error', error.message));
        const subscriber = deps.hub.add(ws, address);
        subscriberOf.set(ws, subscriber);
        heartbeat.track(ws);
        const bad = { count: 0 };
        const budget = new FrameBudget(deps.frameBudget ?? DEFAULT_FRAME_BUDGET);
        ws.on('close', () => {
          lease.release();
          deps.hub.remove(subscriber);
        });
        ws.on('message', (data: Buffer, isBinary: boolean) => {
          const verdict = budget.take();
          if (verdict === 'close') return ws.close(FRAME_FLOOD_CLOSE, 'rate_limited');
          if (verdict === 'refuse') return reply(ws, 'rate_limited', 'Too many frames; slow down');
          try {
            onFrame(ws, subscriber, data, isBinary, bad);
          } catch (error) {
            deps.log.error('page events: frame failed', error);
          }
        });
      });
    },
    close() {
      heartbeat.stop();
      for (const client of wss.clients) client.close(PAGE_EVENTS_CLOSE.shutdown, 'Server is shutting down');
      deps.hub.close();
      wss.close();
    },
  };
}
