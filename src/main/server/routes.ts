import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * The embedded server is plain `node:http` with a tiny router: a handful of routes does not
 * justify a framework, and every request stays one function call from the socket.
 */

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRoute {
  method: HttpMethod | HttpMethod[];
  /** Exact path ("/health") or a prefix ending in "/*" ("/assets/*"). */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<void>;
}

/** A WebSocket endpoint; it owns the upgrade (authenticate, then hand the socket to a `ws` server). */
export interface UpgradeRoute {
  path: string;
  handle(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void | Promise<void>;
}

export function matchesPath(pattern: string, pathname: string): boolean {
  if (pattern.endsWith('/*')) return pathname.startsWith(pattern.slice(0, -1));
  return pattern === pathname;
}
