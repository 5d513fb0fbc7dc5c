import { AccessToken, type VideoGrant } from 'livekit-server-sdk';
import { TrackSource } from 'livekit-server-sdk';
import { ROLE_ATTRIBUTE, type ParticipantRole } from '../../shared/domain/roles';
import type { LivekitCredentials } from '../settings/settingsService';

/**
 * LiveKit access tokens, one function per role, each with explicit grants and an explicit short
 * TTL. LiveKit checks expiry only at connect, so short TTLs limit how long a leaked link works;
 * removing someone already connected is done server-side (RemoveParticipant).
 */

export const TOKEN_TTL_SECONDS: Record<ParticipantRole, number> = {
  host: 60 * 60,
  moderator: 30 * 60,
  viewer: 10 * 60,
  waiting_guest: 10 * 60,
  stage_guest: 10 * 60,
};

export interface TokenRequest {
  room: string;
  identity: string;
  name?: string;
  metadata?: string;
}

/** Grants per role. `canPublishData` is off for everyone but the host: chat runs through our server. */
export function grantsFor(role: ParticipantRole, room: string): VideoGrant {
  const base: VideoGrant = {
    room,
    roomJoin: true,
    canSubscribe: true,
    canPublish: false,
    canPublishData: false,
    canUpdateOwnMetadata: false,
  };
  switch (role) {
    case 'host':
      return {
        ...base,
        canPublish: true,
        canPublishData: true,
        canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO],
      };
    case 'stage_guest':
      return { ...base, canPublish: true, canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE] };
    case 'viewer':
    case 'waiting_guest':
      return base;
    case 'moderator':
      // Watches the program without appearing in the roster.
      return { ...base, hidden: true };
  }
}

export async function mintToken(credentials: LivekitCredentials, role: ParticipantRole, request: TokenRequest): Promise<string> {
  const token = new AccessToken(credentials.apiKey, credentials.apiSecret, {
    identity: request.identity,
    name: request.name ?? request.identity,
    ttl: TOKEN_TTL_SECONDS[role],
    attributes: { [ROLE_ATTRIBUTE]: role },
    ...(request.metadata === undefined ? {} : { metadata: request.metadata }),
  });
  token.addGrant(grantsFor(role, request.room));
  return token.toJwt();
}
