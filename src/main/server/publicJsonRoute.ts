import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { ClientAddressOf } from './clientAddress';
import { readJsonBody, sendError, sendResult } from './http';
import { RateLimiter, type RateLimit } from './rateLimiter';
import type { HttpRoute } from './routes';

export interface PublicJsonRouteOptions<S extends z.ZodType> {
  path: string;
  schema: S;
  /** Bodies past this size are refused unread (413). */
  maxBodyBytes: number;
  /** Checked before the body is read, keyed by the client address. */
  perAddress: RateLimit;
  clientAddress: ClientAddressOf;
  /** Runs with a body that passed the schema; it answers the request itself. */
  handle(body: z.output<S>, req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}

/**
 * A POST route for pages without a session (viewers, guests): rate limited per address before a
 * byte of the body is read, the body capped and validated, and only then handed on. Every public
 * route admits requests the same way, so a flood or an oversize body costs the studio little.
 */
export function publicJsonRoute<S extends z.ZodType>(options: PublicJsonRouteOptions<S>): HttpRoute {
  const perAddress = RateLimiter.of(options.perAddress);
  return {
    method: 'POST',
    path: options.path,
    async handle(req, res) {
      if (!perAddress.take(options.clientAddress(req))) {
        sendError(res, 'rate_limited', 'Too many requests; try again in a few seconds');
        return;
      }
      const body = await readJsonBody(req, options.schema, options.maxBodyBytes);
      if (!body.ok) {
        sendResult(res, body);
        return;
      }
      await options.handle(body.value, req, res);
    },
  };
}
