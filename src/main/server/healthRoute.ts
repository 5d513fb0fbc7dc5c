import { sendJson } from './http';
import type { HttpRoute } from './routes';

/** Liveness for scripts and tests: no secrets, no session needed. */
export function createHealthRoute(version: string, startedAt: number): HttpRoute {
  return {
    method: ['GET', 'HEAD'],
    path: '/health',
    handle(_req, res) {
      sendJson(res, 200, { ok: true, version, uptimeMs: Date.now() - startedAt });
    },
  };
}
