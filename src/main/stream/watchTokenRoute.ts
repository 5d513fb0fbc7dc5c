import { randomBytes } from 'node:crypto';
import { WATCH_TOKEN_PATH, WatchTokenRequestSchema, type WatchTokenResponse } from '../../shared/contract/httpRoutes';
import { sendError, sendResult } from '../server/http';
import type { ClientAddressOf } from '../server/clientAddress';
import { publicJsonRoute } from '../server/publicJsonRoute';
import { RateLimiter, type RateLimit } from '../server/rateLimiter';
import type { HttpRoute } from '../server/routes';
import type { SettingsService } from '../settings/settingsService';
import { mintToken } from '../tokens/livekitTokens';
import type { ViewerTickets } from '../tokens/viewerTickets';
import type { LiveStreamService } from './liveStreamService';
import { friendlyViewerName } from '../../shared/domain/viewerNames';

/** A name and a reconnect ticket: well under this. */
const MAX_BODY_BYTES = 4 * 1024;
/** Per address: page loads and reconnects, or a few viewers behind one NAT. */
const PER_ADDRESS: RateLimit = { burst: 20, perSecond: 1 };
/** A page reconnecting with its ticket is one viewer however many addresses it comes from. */
const PER_VIEWER: RateLimit = { burst: 10, perSecond: 0.5 };
/** Random bytes in an unproven viewer's identity: unguessable, and short in logs. */
const VIEWER_ID_BYTES = 12;

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
  const perViewer = RateLimiter.of(PER_VIEWER);
  return publicJsonRoute({
    path: WATCH_TOKEN_PATH,
    schema: WatchTokenRequestSchema,
    maxBodyBytes: MAX_BODY_BYTES,
    perAddress: PER_ADDRESS,
    clientAddress: deps.clientAddress,
    async handle(request, req, res) {
      const live = deps.streams.liveStream();
      if (!live) {
        sendResult<WatchTokenResponse>(res, { ok: true, value: { status: 'waiting' } });
        return;
      }
      // `request.identity` (old pages) is deliberately ignored; see WatchTokenRequestSchema.
      const proven = deps.tickets.verify(request.reconnectTicket);
      if (proven !== null && !perViewer.take(proven)) {
        sendError(res, 'rate_limited', 'Too many requests; try again in a few seconds');
        return;
      }
      const identity = proven ?? `viewer-${randomBytes(VIEWER_ID_BYTES).toString('base64url')}`;
      const credentials = deps.settings.livekitCredentials();
      const token = await mintToken(credentials, 'viewer', {
        room: live.stream.roomName,
        identity,
        name: request.name ?? friendlyViewerName(identity),
      });
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
  });
}
