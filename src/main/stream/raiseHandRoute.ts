import { TokenVerifier } from 'livekit-server-sdk';
import { RAISE_HAND_PATH, RaiseHandRequestSchema, type RaiseHandResponse } from '../../shared/contract/httpRoutes';
import { ROLE_ATTRIBUTE, VIEWER_ROLE } from '../../shared/domain/roles';
import type { Database } from '../db/openDatabase';
import { findActiveBan } from '../db/chat/chatBans';
import type { InviteService } from '../invites/inviteService';
import { sendError, sendResult } from '../server/http';
import type { ClientAddressOf } from '../server/clientAddress';
import { publicJsonRoute } from '../server/publicJsonRoute';
import { RateLimiter, type RateLimit } from '../server/rateLimiter';
import type { HttpRoute } from '../server/routes';
import type { SettingsService } from '../settings/settingsService';
import type { LiveStreamService } from './liveStreamService';

/** A name and a viewer token: a few hundred bytes, with room to spare. */
const MAX_BODY_BYTES = 8 * 1024;
/** Per address: a page's retries, or a few viewers behind one NAT. */
const PER_ADDRESS: RateLimit = { burst: 20, perSecond: 1 };
/** Per viewer: three raised hands, then one every 20 seconds. */
const PER_VIEWER: RateLimit = { burst: 3, perSecond: 0.05 };

/**
 * POST /api/watch/hand: a viewer asks to come on stage. Only a viewer of the stream that is live
 * (proved by the token we minted for them), only when the host allows raised hands, never a
 * viewer banned from this stream's chat, and a few times a minute per viewer at most.
 */
export function createRaiseHandRoute(deps: {
  db: Database;
  settings: SettingsService;
  streams: LiveStreamService;
  invites: InviteService;
  clientAddress: ClientAddressOf;
}): HttpRoute {
  const perViewer = RateLimiter.of(PER_VIEWER);
  return publicJsonRoute({
    path: RAISE_HAND_PATH,
    schema: RaiseHandRequestSchema,
    maxBodyBytes: MAX_BODY_BYTES,
    perAddress: PER_ADDRESS,
    clientAddress: deps.clientAddress,
    async handle(request, _req, res) {
      if (!deps.settings.get().studio.raisedHands) {
        sendError(res, 'forbidden', 'The host is not taking raised hands right now');
        return;
      }
      const live = deps.streams.liveStream();
      if (!live) {
        sendError(res, 'conflict', 'The stream is not live');
        return;
      }
      const { apiKey, apiSecret } = deps.settings.livekitCredentials();
      let claims: Awaited<ReturnType<TokenVerifier['verify']>>;
      try {
        claims = await new TokenVerifier(apiKey, apiSecret).verify(request.token);
      } catch {
        // Expired, forged or for another key: all the viewer can do about it is reload.
        sendError(res, 'unauthorized', 'Your viewer session has expired; reload the page and try again');
        return;
      }
      if (
        claims.video?.room !== live.stream.roomName ||
        (claims.attributes?.[ROLE_ATTRIBUTE] ?? VIEWER_ROLE) !== VIEWER_ROLE ||
        !claims.sub
      ) {
        sendError(res, 'forbidden', 'Only viewers of the live stream can raise a hand');
        return;
      }
      if (findActiveBan(deps.db, live.stream.id, claims.sub)) {
        sendError(res, 'forbidden', 'You cannot ask to join this stream');
        return;
      }
      if (!perViewer.take(claims.sub)) {
        sendError(res, 'rate_limited', 'You raised your hand a moment ago; wait a minute before trying again');
        return;
      }
      sendResult<RaiseHandResponse>(res, { ok: true, value: deps.invites.createForRaisedHand(request.name) });
    },
  });
}
