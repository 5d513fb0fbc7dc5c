import type { IncomingMessage } from 'node:http';
import { TokenVerifier } from 'livekit-server-sdk';
import { CHAT_CLOSE, type ChatErrorCode } from '../../shared/contract/chatFrames';
import type { ChatRole } from '../../shared/domain/chat';
import { participantRoleOf, ROLE_ATTRIBUTE, streamRoleOf } from '../../shared/domain/roles';
import type { Database } from '../db/openDatabase';
import { getStreamByRoomName } from '../db/history/streams';
import { sessionTokenOf } from '../server/cookies';
import type { SessionRegistry } from '../server/sessions';
import type { LivekitCredentials } from '../settings/settingsService';
import { MAX_NAME_LENGTH } from './chatLimits';
import type { ChatIdentity } from './room';

export interface ChatAuthDeps {
  db: Database;
  sessions: Pick<SessionRegistry, 'verify' | 'isActive' | 'onEnded'>;
  /** Read on every connection, so changed credentials apply at once. */
  credentials: () => LivekitCredentials;
}

export type ChatAuth =
  | {
      ok: true;
      streamId: string;
      who: ChatIdentity;
      actor: string;
      /** Set for studio sessions, which can end while connected. */ sessionId: string | null;
    }
  | { ok: false; code: ChatErrorCode; message: string; closeCode: number };

function refused(code: ChatErrorCode, message: string): ChatAuth {
  const closeCode = code === 'unauthorized' ? CHAT_CLOSE.unauthorized : code === 'not_found' ? CHAT_CLOSE.notFound : CHAT_CLOSE.forbidden;
  return { ok: false, code, message, closeCode };
}

/**
 * Who is connecting to the chat socket. Viewers and guests bring a LiveKit token we minted
 * (`?token=`): verified with the API secret; identity, name, room and role come from its claims.
 * The studio and co-moderators bring their session (`?session=` or the session cookie) and name
 * the room with `?room=`. Nothing the client claims outside a verified token is trusted.
 */
export async function authenticateChat(req: IncomingMessage, url: URL, deps: ChatAuthDeps): Promise<ChatAuth> {
  const requestedRoom = url.searchParams.get('room');
  const token = url.searchParams.get('token');
  if (token) {
    const { apiKey, apiSecret } = deps.credentials();
    let claims: Awaited<ReturnType<TokenVerifier['verify']>>;
    try {
      claims = await new TokenVerifier(apiKey, apiSecret).verify(token);
    } catch {
      return refused('unauthorized', 'The chat token is invalid or expired');
    }
    const room = claims.video?.room;
    const identity = claims.sub;
    if (!room || !identity) return refused('unauthorized', 'The chat token has no room or identity');
    if (requestedRoom !== null && requestedRoom !== room) return refused('forbidden', 'The chat token is for another room');
    const roleClaim = claims.attributes?.[ROLE_ATTRIBUTE] ?? 'viewer';
    const tokenRole = participantRoleOf(roleClaim);
    if (!tokenRole) return refused('unauthorized', 'The chat token has an unknown role');
    const role = streamRoleOf(tokenRole);
    const stream = getStreamByRoomName(deps.db, room);
    if (!stream) return refused('not_found', 'There is no stream in this room');
    const name = (claims.name ?? '').trim().slice(0, MAX_NAME_LENGTH) || identity;
    return {
      ok: true,
      streamId: stream.id,
      who: { identity, name, role },
      actor: role === 'viewer' || role === 'guest' ? identity : `${role}:${name}`,
      sessionId: null,
    };
  }
  const session = deps.sessions.verify(sessionTokenOf(req, url));
  if (!session) return refused('unauthorized', 'A LiveKit token or a studio session is required');
  if (!requestedRoom) return refused('bad_request', 'Name the room with ?room=');
  const stream = getStreamByRoomName(deps.db, requestedRoom);
  if (!stream) return refused('not_found', 'There is no stream in this room');
  const role: ChatRole = session.role === 'owner' ? 'host' : 'moderator';
  const name = session.role === 'owner' ? 'Host' : session.actor.replace(/^moderator:/u, '') || 'Moderator';
  return { ok: true, streamId: stream.id, who: { identity: session.actor, name, role }, actor: session.actor, sessionId: session.id };
}
