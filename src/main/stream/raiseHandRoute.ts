import { TokenVerifier } from 'livekit-server-sdk';
import { RAISE_HAND_PATH, RaiseHandRequestSchema, type RaiseHandResponse } from '../../shared/contract/httpRoutes';
import { ROLE_ATTRIBUTE, VIEWER_ROLE } from '../../shared/domain/roles';
import type { Database } from '../db/openDatabase';
import { findActiveBan } from '../db/chat/chatBans';
import type { InviteService } from '../invites/inviteService';
import { readJsonBody, sendError, sendResult } from '../server/http';
import type { ClientAddressOf } from '../server/clientAddress';
import { RateLimiter } from '../server/rateLimiter';
import type { HttpRoute } from '../server/routes';
import type { SettingsService } from '../settings/settingsService';
import type { LiveStreamService } from './liveStreamService';

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
  const perAddress = new RateLimiter(20, 1);
  const perViewer = new RateLimiter(3, 0.05);
  return {
    method: 'POST',
    path: RAISE_HAND_PATH,
    async handle(req, res) {
      if (!perAddress.take(deps.clientAddress(req))) {
        sendError(res, 'rate_limited', 'Too many requests; try again in a few seconds');
        return;
      }
      const body = await readJsonBody(req, RaiseHandRequestSchema, 8 * 1024);
      if (!body.ok) {
        sendResult(res, body);
        return;
      }
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
        claims = await new TokenVerifier(apiKey, apiSecret).verify(body.value.token);
      } catch {
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
      sendResult<RaiseHandResponse>(res, { ok: true, value: deps.invites.createForRaisedHand(body.value.name) });
    },
  };
}
