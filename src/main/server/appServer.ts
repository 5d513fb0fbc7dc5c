import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging';
import { refuseUpgrade, sendError } from './http';
import { matchesPath, type HttpRoute, type UpgradeRoute } from './routes';

/** Request headers past this are refused: ours are a cookie and a few standard fields. */
const MAX_HEADER_BYTES = 16 * 1024;

export interface AppServerOptions {
  bindAddress: string;
  port: number;
  routes: HttpRoute[];
  upgrades: UpgradeRoute[];
  log: Logger;
}

export interface RunningServer {
  server: Server;
  port: number;
  /** e.g. http://127.0.0.1:7777 */
  localUrl: string;
  close(): Promise<void>;
}

/** One HTTP server for the whole app: pages, token routes, webhooks and WebSockets. */
export async function startAppServer(options: AppServerOptions): Promise<RunningServer> {
  const { routes, upgrades, log } = options;

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const route = routes.find(
      (candidate) =>
        matchesPath(candidate.path, url.pathname) &&
        (Array.isArray(candidate.method) ? candidate.method : [candidate.method]).includes(method as never),
    );
    if (!route) {
      const pathKnown = routes.some((candidate) => matchesPath(candidate.path, url.pathname));
      sendError(res, pathKnown ? 'bad_request' : 'not_found', pathKnown ? `${method} is not allowed here` : 'Not found');
      return;
    }
    await route.handle(req, res, url);
  }

  async function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = upgrades.find((candidate) => candidate.path === url.pathname);
    if (!route) {
      refuseUpgrade(socket, 404, 'No WebSocket endpoint here');
      return;
    }
    await route.handle(req, socket, head, url);
  }

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      log.error(`${req.method} ${req.url?.split('?')[0]} failed`, error);
      if (!res.headersSent) sendError(res, 'internal', 'The request failed unexpectedly');
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    onUpgrade(req, socket, head).catch((error: unknown) => {
      log.error('upgrade failed', error);
      socket.destroy();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.bindAddress, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.bindAddress === '0.0.0.0' || options.bindAddress === '::' ? '127.0.0.1' : options.bindAddress;
  return {
    server,
    port,
    localUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
