import { WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import { LIVEKIT_WEBHOOK_PATH } from '../../shared/contract/httpRoutes';
import { participantRoleOf, ROLE_ATTRIBUTE, streamRoleOf } from '../../shared/domain/roles';
import type { Database } from '../db/openDatabase';
import { closeParticipantSession, openParticipantSession } from '../db/history/participantSessions';
import { BodyTooLargeError, readBody, sendError, sendJson } from '../server/http';
import type { HttpRoute } from '../server/routes';
import type { Logger } from '../logging';
import type { SettingsService } from '../settings/settingsService';
import type { LiveStreamService } from './liveStreamService';

const MAX_WEBHOOK_BYTES = 256 * 1024;
const MS_PER_SECOND = 1000;

/**
 * Applies one verified webhook to the live stream: viewer joins/leaves move the count and open
 * or close participant sessions. Events for other rooms are acknowledged and ignored.
 */
export function applyWebhook(event: WebhookEvent, deps: { db: Database; streams: LiveStreamService; now: () => number }): void {
  const live = deps.streams.liveStream();
  if (!live || event.room?.name !== live.stream.roomName) return;
  live.counter.webhookArrived();
  const participant = event.participant;
  if (!participant || (event.event !== 'participant_joined' && event.event !== 'participant_left')) return;
  const tokenRole = participantRoleOf(participant.attributes?.[ROLE_ATTRIBUTE]);
  const role = tokenRole && streamRoleOf(tokenRole);
  if (!role) return;
  const at = Number(event.createdAt) > 0 ? Number(event.createdAt) * MS_PER_SECOND : deps.now();
  if (event.event === 'participant_joined') {
    openParticipantSession(deps.db, {
      streamId: live.stream.id,
      identity: participant.identity,
      name: participant.name,
      role,
      joinedAt: at,
    });
    if (role === 'viewer') live.counter.viewerJoined(participant.identity);
  } else {
    closeParticipantSession(deps.db, live.stream.id, participant.identity, at);
    if (role === 'viewer') live.counter.viewerLeft(participant.identity);
  }
  deps.streams.viewerCountChanged();
}

/**
 * POST /webhooks/livekit. The signature (a JWT over the body's SHA-256, signed with our API
 * secret) is checked on the raw body; anything unsigned or tampered is refused with 401 and
 * changes nothing.
 */
export function createWebhookRoute(deps: {
  db: Database;
  settings: SettingsService;
  streams: LiveStreamService;
  log: Logger;
  now?: () => number;
}): HttpRoute {
  return {
    method: 'POST',
    path: LIVEKIT_WEBHOOK_PATH,
    async handle(req, res) {
      let body: string;
      try {
        body = (await readBody(req, MAX_WEBHOOK_BYTES)).toString('utf8');
      } catch (error) {
        sendError(res, error instanceof BodyTooLargeError ? 'too_large' : 'bad_request', 'Could not read the webhook body');
        return;
      }
      const { apiKey, apiSecret } = deps.settings.livekitCredentials();
      let event: WebhookEvent;
      try {
        event = await new WebhookReceiver(apiKey, apiSecret).receive(body, req.headers.authorization);
      } catch {
        // The receiver says only that it failed; every failure means an unverified sender.
        sendError(res, 'unauthorized', 'Webhook signature is missing or invalid');
        return;
      }
      try {
        applyWebhook(event, { db: deps.db, streams: deps.streams, now: deps.now ?? Date.now });
      } catch (error) {
        deps.log.error('webhook could not be applied', error);
      }
      sendJson(res, 200, { ok: true, value: { received: event.event } });
    },
  };
}
