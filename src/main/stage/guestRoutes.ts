import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  GUEST_CHECK_PATH,
  GUEST_REDEEM_PATH,
  GUEST_REQUEST_PATH,
  GUEST_SESSION_PATH,
  GUEST_WITHDRAW_PATH,
  GuestCheckRequestSchema,
  GuestRedeemRequestSchema,
  GuestSessionRequestSchema,
  GuestStageRequestSchema,
  GuestWithdrawRequestSchema,
} from '../../shared/contract/httpRoutes';
import { AppFailure } from '../../shared/result';
import { ChatFailure, toAppFailure } from '../chat/chatFailure';
import type { InviteService } from '../invites/inviteService';
import type { Logger } from '../logging';
import { sendError, sendResult } from '../server/http';
import { publicJsonRoute } from '../server/publicJsonRoute';
import type { ClientAddressOf } from '../server/clientAddress';
import { RateLimiter, type RateLimit } from '../server/rateLimiter';
import { hashCode } from '../invites/inviteCodes';
import type { HttpRoute } from '../server/routes';
import type { GuestService } from './guestService';

/** The guest API's limits, in one place: requests per address (and per guest) and body size. */
const GUEST_LIMITS = {
  /** Invite checks, redemptions and stage requests: few, so invite codes cannot be brute forced. */
  attempts: { burst: 10, perSecond: 0.5 },
  /** Session reads, which the guest page polls. */
  polling: { burst: 30, perSecond: 2 },
  /** Every call of one guest, whatever addresses it comes from. */
  perGuest: { burst: 30, perSecond: 2 },
  /** Guest request bodies are a code, a name or a token: a few hundred bytes. */
  maxBodyBytes: 4 * 1024,
} as const;

/**
 * The guest page's API: check and redeem an invite, then read the session, ask to join and
 * withdraw. Each route validates its body, is rate limited per address (invite codes must not
 * be guessable by brute force), and answers with the result envelope.
 */
export function createGuestRoutes(deps: {
  invites: InviteService;
  guests: GuestService;
  log: Logger;
  clientAddress: ClientAddressOf;
}): HttpRoute[] {
  // Per guest as well as per address: one guest spread over many addresses is still one guest.
  const perGuest = RateLimiter.of(GUEST_LIMITS.perGuest);

  /** A guest route, admitted like every public route (per-address limit, body cap, schema), then per guest. */
  function route<S extends z.ZodType>(
    path: string,
    schema: S,
    perAddress: RateLimit,
    run: (body: z.output<S>, req: IncomingMessage) => unknown,
  ): HttpRoute {
    return publicJsonRoute({
      path,
      schema,
      maxBodyBytes: GUEST_LIMITS.maxBodyBytes,
      perAddress,
      clientAddress: deps.clientAddress,
      async handle(body, req, res) {
        const guestToken = (body as { guestToken?: unknown }).guestToken;
        // Keyed by the token's hash, the same one we store: the token itself stays out of memory maps.
        if (typeof guestToken === 'string' && !perGuest.take(hashCode(guestToken))) {
          sendError(res, 'rate_limited', 'Too many requests; wait a few seconds and try again');
          return;
        }
        await answer(res, () => run(body, req), deps.log);
      },
    });
  }

  const { attempts, polling } = GUEST_LIMITS;
  return [
    route(GUEST_CHECK_PATH, GuestCheckRequestSchema, attempts, ({ code }) => deps.invites.check(code)),
    route(GUEST_REDEEM_PATH, GuestRedeemRequestSchema, attempts, ({ code, name }) => deps.invites.redeem(code, name)),
    route(GUEST_SESSION_PATH, GuestSessionRequestSchema, polling, ({ guestToken }, req) =>
      deps.guests.session(guestToken, req.headers.host),
    ),
    route(GUEST_REQUEST_PATH, GuestStageRequestSchema, attempts, ({ guestToken, devices }) => ({
      state: deps.guests.request(guestToken, devices),
    })),
    route(GUEST_WITHDRAW_PATH, GuestWithdrawRequestSchema, attempts, async ({ guestToken }) => ({
      state: await deps.guests.withdraw(guestToken),
    })),
  ];
}

async function answer(res: ServerResponse, run: () => unknown, log: Logger): Promise<void> {
  try {
    sendResult(res, { ok: true, value: await run() });
  } catch (error) {
    // Stage requests and withdrawals go through the moderation queue, which speaks chat codes;
    // the page switches on the contract's codes, so translate here as the studio API does.
    const failure = error instanceof ChatFailure ? toAppFailure(error) : error;
    if (failure instanceof AppFailure) {
      sendError(res, failure.code, failure.message);
      return;
    }
    log.error('guest route failed', error);
    sendError(res, 'internal', 'Something went wrong; try again');
  }
}
