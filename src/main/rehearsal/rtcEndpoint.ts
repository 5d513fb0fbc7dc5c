/**
 * The signal endpoint: `/rtc/v1` (WebSocket upgrade) and `/rtc/v1/validate`. The token and the
 * join request are checked before the upgrade so that a bad token gets a plain-text 401, which
 * livekit-client turns into a "not allowed" ConnectionError.
 */
import type { IncomingMessage } from 'node:http';
import {
  ClientConfigSetting,
  ClientConfiguration,
  Codec,
  DisconnectReason,
  type JoinRequest,
  JoinResponse,
  LeaveRequest,
  LeaveRequest_Action,
  ParticipantInfo_Kind,
  ParticipantPermission,
  ServerInfo,
  ServerInfo_Edition,
} from '@livekit/protocol';
import type { WebSocket } from 'ws';
import { SERVER_PROTOCOL, SERVER_VERSION, type ServerConfig } from './config';
import { decodeJoinRequest } from './joinRequest';
import { PING_INTERVAL_SEC, PING_TIMEOUT_SEC } from './limits';
import { Participant } from './participant';
import type { RoomManager } from './roomManager';
import { SignalConnection } from './signalConnection';
import { bearerToken, parseSources, TokenError, verifyToken, type TokenClaims } from './tokens';
import { RtcTransport } from './transport';

/** An HTTP-level rejection of a join attempt. */
export class JoinError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A join request that passed validation. */
export interface ValidatedJoin {
  claims: TokenClaims;
  roomName: string;
  join: JoinRequest | undefined;
}

/** Validates token and join request of a `/rtc/v1` or `/rtc/v1/validate` request. */
export function validateJoin(req: IncomingMessage, url: URL, config: ServerConfig): ValidatedJoin {
  const token = url.searchParams.get('access_token') ?? bearerToken(req.headers.authorization);
  if (!token) throw new JoinError(401, 'invalid token: missing access token');
  let claims: TokenClaims;
  try {
    claims = verifyToken(token, config.keys);
  } catch (err) {
    if (err instanceof TokenError) throw new JoinError(401, err.message);
    throw err;
  }
  if (!claims.video.roomJoin) throw new JoinError(401, 'permissions denied: roomJoin grant missing');
  const roomName = claims.video.room;
  if (!roomName) throw new JoinError(401, 'permissions denied: no room in token');
  if (!claims.identity) throw new JoinError(401, 'permissions denied: identity missing');
  const param = url.searchParams.get('join_request');
  let join: JoinRequest | undefined;
  if (param) {
    try {
      join = decodeJoinRequest(param);
    } catch {
      // The decoding error says nothing the client can act on; the 400 is the answer.
      throw new JoinError(400, 'cannot decode join_request');
    }
  }
  return { claims, roomName, join };
}

const KINDS: Record<string, ParticipantInfo_Kind> = {
  standard: ParticipantInfo_Kind.STANDARD,
  ingress: ParticipantInfo_Kind.INGRESS,
  egress: ParticipantInfo_Kind.EGRESS,
  sip: ParticipantInfo_Kind.SIP,
  agent: ParticipantInfo_Kind.AGENT,
};

/** Applies livekit-server's grant defaults (publish/subscribe default on, data follows publish). */
export function permissionFromClaims(claims: TokenClaims): ParticipantPermission {
  const v = claims.video;
  const canPublish = v.canPublish ?? true;
  return new ParticipantPermission({
    canPublish,
    canSubscribe: v.canSubscribe ?? true,
    canPublishData: v.canPublishData ?? canPublish,
    canPublishSources: parseSources(v.canPublishSources),
    hidden: v.hidden ?? false,
    recorder: v.recorder ?? false,
    canUpdateMetadata: v.canUpdateOwnMetadata ?? false,
    agent: v.agent ?? false,
  });
}

/** Runs the join handshake on an upgraded socket. */
export function acceptParticipant(ws: WebSocket, joinInfo: ValidatedJoin, rooms: RoomManager, config: ServerConfig): void {
  const signal = new SignalConnection(ws);
  const { claims, join } = joinInfo;
  if (join?.reconnect) {
    // Resume is disabled in JoinResponse, so a resume attempt means the server lost the
    // session: tell the client to do a full rejoin, as livekit-server does.
    signal.send({
      case: 'leave',
      value: new LeaveRequest({ reason: DisconnectReason.STATE_MISMATCH, action: LeaveRequest_Action.RECONNECT }),
    });
    signal.close();
    return;
  }
  const room = rooms.getOrCreate(joinInfo.roomName);
  const transport = new RtcTransport({ additionalHostAddresses: config.iceHostAddresses });
  const clientInfo = join?.clientInfo;
  const participant = new Participant(room, signal, transport, {
    identity: claims.identity,
    name: claims.name,
    metadata: claims.metadata,
    attributes: claims.attributes,
    permission: permissionFromClaims(claims),
    kind: KINDS[claims.kind] ?? ParticipantInfo_Kind.STANDARD,
    autoSubscribe: join?.connectionSettings?.autoSubscribe ?? true,
    clientProtocol: clientInfo?.clientProtocol ?? 0,
    capabilities: clientInfo?.capabilities ?? [],
  });
  room.addParticipant(participant);
  // The join must be the very first frame on the socket.
  signal.send({
    case: 'join',
    value: new JoinResponse({
      room: room.toProto(),
      participant: participant.toInfo(),
      otherParticipants: room.visibleOthers(participant).map((p) => p.toInfo()),
      serverVersion: SERVER_VERSION,
      serverInfo: new ServerInfo({
        edition: ServerInfo_Edition.Standard,
        version: SERVER_VERSION,
        protocol: SERVER_PROTOCOL,
        nodeId: 'ND_devserver',
      }),
      iceServers: [],
      subscriberPrimary: false,
      clientConfiguration: new ClientConfiguration({ resumeConnection: ClientConfigSetting.DISABLED }),
      pingTimeout: PING_TIMEOUT_SEC,
      pingInterval: PING_INTERVAL_SEC,
      enabledPublishCodecs: [new Codec({ mime: 'video/VP8' }), new Codec({ mime: 'audio/opus' })],
    }),
  });
  // Existing tracks are queued first so they can be bound in the answer to the join offer.
  room.subscribeToExisting(participant);
  const offer = join?.publisherOffer;
  if (offer?.sdp) participant.handleOffer(offer);
}
