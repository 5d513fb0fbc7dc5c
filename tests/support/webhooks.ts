import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

/** Signs a webhook body the way LiveKit does: a JWT carrying the body's SHA-256 (no "Bearer"). */
export async function signWebhook(body: string, apiKey: string, apiSecret: string): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, { ttl: '5m' });
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

export function participantEvent(
  event: 'participant_joined' | 'participant_left',
  room: string,
  identity: string,
  role: string,
  createdAtSeconds = Math.floor(Date.now() / 1000),
): string {
  return JSON.stringify({
    event,
    id: `EV_${identity}_${event}`,
    createdAt: String(createdAtSeconds),
    room: { sid: 'RM_test', name: room },
    participant: {
      sid: `PA_${identity}`,
      identity,
      name: identity,
      state: event === 'participant_joined' ? 'ACTIVE' : 'DISCONNECTED',
      attributes: { 'airdeck.role': role },
    },
  });
}
