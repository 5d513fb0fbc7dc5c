/**
 * HTTP front of the dev server: routes signal, validate, Twirp and health requests, and owns
 * the lifetime of everything else.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ServerConfig } from './config';
import { sendText } from './httpUtil';
import {
  CORS_MAX_AGE_SEC,
  DEFAULT_DEPARTURE_TIMEOUT_SEC,
  DEFAULT_EMPTY_TIMEOUT_SEC,
  DEFAULT_PORT,
  MAX_HEADER_BYTES,
  MAX_SIGNAL_FRAME_BYTES,
} from './limits';
import { log } from './log';
import { acceptParticipant, JoinError, validateJoin } from './rtcEndpoint';
import { RoomManager } from './roomManager';
import { RoomServiceHandler, TWIRP_PREFIX } from './twirp';
import { WebhookNotifier } from './webhooks';

/** Options of {@link startDevServer}; everything is optional. */
export interface DevServerOptions {
  /** TCP port; 0 picks a free one. Default 7880. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1; use 0.0.0.0 (or a LAN address) for other machines. */
  bind?: string;
  /** API keys, as a map or `key:secret` strings. Default devkey:secret. */
  keys?: ReadonlyMap<string, string> | Record<string, string> | string[];
  /** URLs that receive webhooks. */
  webhookUrls?: string[];
  /** Seconds an unused room (e.g. from CreateRoom) lives. Default 300. */
  emptyTimeoutSec?: number;
  /** Seconds a room lives after its last participant left. Default 20. */
  departureTimeoutSec?: number;
  /** Extra ICE host addresses; default ['127.0.0.1'] so loopback connections work. */
  iceHostAddresses?: string[];
}

/** A running dev server. */
export interface DevServer {
  /** WebSocket URL clients connect to, e.g. ws://127.0.0.1:7880. */
  url: string;
  /** HTTP URL for RoomServiceClient, e.g. http://127.0.0.1:7880. */
  httpUrl: string;
  port: number;
  /** Room state, for tests that need to look inside. */
  rooms: RoomManager;
  /** Disconnects everyone, delivers pending webhooks and stops listening. */
  close(): Promise<void>;
}

/** Parses `key:secret` strings (or passes maps through) into a key → secret map. */
export function parseKeys(keys: DevServerOptions['keys']): Map<string, string> {
  if (!keys) return new Map([['devkey', 'secret']]);
  if (keys instanceof Map) return new Map(keys);
  if (Array.isArray(keys)) {
    const out = new Map<string, string>();
    for (const entry of keys) {
      const i = entry.indexOf(':');
      if (i <= 0 || i === entry.length - 1) throw new Error(`invalid key "${entry}", expected key:secret`);
      out.set(entry.slice(0, i).trim(), entry.slice(i + 1).trim());
    }
    return out;
  }
  return new Map(Object.entries(keys as Record<string, string>));
}

/** Starts a LiveKit-compatible development server. */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const keys = parseKeys(options.keys);
  const first = [...keys.entries()][0];
  if (!first) throw new Error('at least one API key is required');
  const bind = options.bind ?? '127.0.0.1';
  const config: ServerConfig = {
    keys,
    webhookUrls: options.webhookUrls ?? [],
    emptyTimeoutSec: options.emptyTimeoutSec ?? DEFAULT_EMPTY_TIMEOUT_SEC,
    departureTimeoutSec: options.departureTimeoutSec ?? DEFAULT_DEPARTURE_TIMEOUT_SEC,
    iceHostAddresses: options.iceHostAddresses ?? ['127.0.0.1'],
  };
  const webhooks = new WebhookNotifier(config.webhookUrls, first[0], first[1]);
  const rooms = new RoomManager(config);
  webhooks.listenTo(rooms.events);
  const roomService = new RoomServiceHandler(rooms, config);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SIGNAL_FRAME_BYTES });

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    handleHttp(req, res).catch((err: Error) => {
      log.error('request failed', err);
      if (!res.headersSent) sendText(res, 500, 'internal error');
      else res.destroy();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    // Browser apps call /rtc/v1/validate (and possibly Twirp) cross-origin, like against
    // livekit-server, which allows any origin.
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
        'Access-Control-Max-Age': String(CORS_MAX_AGE_SEC),
      });
      res.end();
      return;
    }
    if (path.startsWith(TWIRP_PREFIX)) {
      await roomService.handle(req, res, path.slice(TWIRP_PREFIX.length));
      return;
    }
    if (path.endsWith('/rtc/v1/validate')) {
      try {
        validateJoin(req, url, config);
        sendText(res, 200, 'success');
      } catch (err) {
        if (err instanceof JoinError) sendText(res, err.status, err.message);
        else throw err;
      }
      return;
    }
    if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      sendText(res, 200, 'OK');
      return;
    }
    // /rtc and /rtc/validate (the two-connection protocol) are not served: answering 404
    // there makes the intent explicit. Plain GETs of /rtc/v1 are not upgrades either.
    sendText(res, 404, 'not found');
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A socket error before the upgrade completes only means the client went away.
    socket.on('error', () => socket.destroy());
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname.replace(/\/+$/, '');
      if (!path.endsWith('/rtc/v1')) {
        rejectUpgrade(socket, 404, 'not found');
        return;
      }
      const join = validateJoin(req, url, config);
      wss.handleUpgrade(req, socket, head, (ws) => {
        try {
          acceptParticipant(ws, join, rooms, config);
        } catch (err) {
          log.error('join failed', err);
          ws.close(1011);
        }
      });
    } catch (err) {
      if (err instanceof JoinError) rejectUpgrade(socket, err.status, err.message);
      else {
        log.error('upgrade failed', err);
        rejectUpgrade(socket, 500, 'internal error');
      }
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, bind, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : bind.includes(':') ? `[${bind}]` : bind;
  let closing: Promise<void> | undefined;
  return {
    url: `ws://${host}:${port}`,
    httpUrl: `http://${host}:${port}`,
    port,
    rooms,
    close() {
      closing ??= (async () => {
        rooms.closeAll();
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await webhooks.flush();
      })();
      return closing;
    },
  };
}

function rejectUpgrade(socket: Duplex, status: number, message: string): void {
  const reason = status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : status === 400 ? 'Bad Request' : 'Error';
  const body = Buffer.from(message, 'utf8');
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${message}`,
  );
}
