import { randomBytes } from 'node:crypto';
import { WATCH_TOKEN_PATH, WatchTokenRequestSchema, type WatchTokenResponse } from '../../shared/contract/httpRoutes';
import { readJsonBody, sendError, sendResult } from '../server/http';
import type { ClientAddressOf } from '../server/clientAddress';
import { RateLimiter } from '../server/rateLimiter';
import type { HttpRoute } from '../server/routes';
import type { SettingsService } from '../settings/settingsService';
import { mintToken } from '../tokens/livekitTokens';
import type { ViewerTickets } from '../tokens/viewerTickets';
import type { LiveStreamService } from './liveStreamService';
import { friendlyViewerName } from '../../shared/domain/viewerNames';

/**
 * POST /api/watch/token: a subscribe-only token for whatever is live. The page never sees the
 * secret. Identities are random unless the page proves one with the signed reconnect ticket it
 * was given; a body naming an identity proves nothing, so anyone else's identity cannot be taken
 * (to post as them, knock them out of the room, or get them banned).
 */
export function createWatchTokenRoute(deps: {
  settings: SettingsService;
  streams: LiveStreamService;
  tickets: ViewerTickets;
  /** The LiveKit URL for a page that reached us under this Host (see EmbeddedRehearsal.urlFor). */
  livekitUrlFor: (requestHost: string | undefined) => string;
  clientAddress: ClientAddressOf;
}): HttpRoute {
  const limiter = new RateLimiter(20, 1);
  // A page reconnecting with its ticket is one viewer however many addresses it comes from.
  const perViewer = new RateLimiter(10, 0.5);
  return {
    method: 'POST',
    path: WATCH_TOKEN_PATH,
    async handle(req, res) {
      if (!limiter.take(deps.clientAddress(req))) {
        sendError(res, 'rate_limited', 'Too many requests; try again in a few seconds');
        return;
      }
      const body = await readJsonBody(req, WatchTokenRequestSchema, 4 * 1024);
      if (!body.ok) {
        sendResult(res, body);
        return;
      }
      const live = deps.streams.liveStream();
      if (!live) {
        sendResult<WatchTokenResponse>(res, { ok: true, value: { status: 'waiting' } });
        return;
      }
      // `body.value.identity` (old pages) is deliberately ignored; see WatchTokenRequestSchema.
      const proven = deps.tickets.verify(body.value.reconnectTicket);
      if (proven !== null && !perViewer.take(proven)) {
        sendError(res, 'rate_limited', 'Too many requests; try again in a few seconds');
        return;
      }
      const identity = proven ?? `viewer-${randomBytes(12).toString('base64url')}`;
      const credentials = deps.settings.livekitCredentials();
      const token = await mintToken(credentials, 'viewer', { room: live.stream.roomName, identity, name: body.value.name ?? friendlyViewerName(identity) });
      sendResult<WatchTokenResponse>(res, {
        ok: true,
        value: {
          status: 'live',
          livekitUrl: deps.livekitUrlFor(req.headers.host),
          token,
          identity,
          reconnectTicket: deps.tickets.issue(identity),
          roomName: live.stream.roomName,
          title: live.stream.title,
          mode: live.stream.mode,
          layout: live.layout,
          startedAt: live.stream.startedAt,
          raisedHands: deps.settings.get().studio.raisedHands,
        },
      });
    },
  };
}
