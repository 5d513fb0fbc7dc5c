/**
 * RoomService over Twirp/JSON (`POST /twirp/livekit.RoomService/<Method>`), as called by
 * livekit-server-sdk's RoomServiceClient. Bodies are protojson; errors use Twirp's JSON format
 * with a Content-Type of exactly `application/json` (the SDK compares it with `===`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CreateRoomRequest,
  DeleteRoomRequest,
  DeleteRoomResponse,
  DisconnectReason,
  ListParticipantsRequest,
  ListParticipantsResponse,
  ListRoomsRequest,
  ListRoomsResponse,
  MuteRoomTrackRequest,
  MuteRoomTrackResponse,
  RemoveParticipantResponse,
  RoomParticipantIdentity,
  SendDataRequest,
  SendDataResponse,
  UpdateParticipantRequest,
  UpdateRoomMetadataRequest,
  UpdateSubscriptionsRequest,
  UpdateSubscriptionsResponse,
} from '@livekit/protocol';
import type { JsonValue } from '@bufbuild/protobuf';
import type { ServerConfig } from './config';
import { serverDataPacket } from './dataPackets';
import { readBody } from './httpUtil';
import { SEEN_NONCES_LIMIT, SEND_DATA_NONCE_BYTES } from './limits';
import { log } from './log';
import type { Room } from './room';
import type { RoomMember } from './roomContracts';
import type { RoomManager } from './roomManager';
import { bearerToken, refreshTokenFor, TokenError, verifyToken, type TokenClaims } from './tokens';
import { type JsonMessage, sendJson, sendTwirpError, TwirpError } from './twirpErrors';

export const TWIRP_PREFIX = '/twirp/livekit.RoomService/';

type Handler = (body: JsonValue, claims: TokenClaims) => JsonMessage;

export class RoomServiceHandler {
  private readonly methods: Record<string, Handler>;
  private readonly seenNonces = new Set<string>();

  constructor(
    private readonly rooms: RoomManager,
    private readonly config: ServerConfig,
  ) {
    this.methods = {
      CreateRoom: (b, c) => this.createRoom(b, c),
      ListRooms: (b, c) => this.listRooms(b, c),
      DeleteRoom: (b, c) => this.deleteRoom(b, c),
      ListParticipants: (b, c) => this.listParticipants(b, c),
      GetParticipant: (b, c) => this.getParticipant(b, c),
      RemoveParticipant: (b, c) => this.removeParticipant(b, c),
      MutePublishedTrack: (b, c) => this.mutePublishedTrack(b, c),
      UpdateParticipant: (b, c) => this.updateParticipant(b, c),
      UpdateRoomMetadata: (b, c) => this.updateRoomMetadata(b, c),
      SendData: (b, c) => this.sendData(b, c),
      UpdateSubscriptions: (b, c) => this.updateSubscriptions(b, c),
    };
  }

  /** Handles one Twirp request; never throws. */
  async handle(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    try {
      if (req.method !== 'POST') throw new TwirpError('bad_route', `unsupported method ${req.method ?? ''}`);
      const handler = this.methods[method];
      if (!handler) throw new TwirpError('bad_route', `no handler for RoomService/${method}`);
      const token = bearerToken(req.headers.authorization);
      if (!token) throw new TwirpError('unauthenticated', 'missing authorization header');
      let claims: TokenClaims;
      try {
        claims = verifyToken(token, this.config.keys);
      } catch (err) {
        if (err instanceof TokenError) throw new TwirpError('unauthenticated', err.message);
        throw err;
      }
      const contentType = req.headers['content-type'] ?? '';
      if (!contentType.startsWith('application/json')) {
        throw new TwirpError('bad_route', 'only application/json bodies are supported');
      }
      const raw = await readBody(req);
      let body: JsonValue;
      try {
        body = raw.trim() === '' ? {} : (JSON.parse(raw) as JsonValue);
      } catch {
        throw new TwirpError('malformed', 'request body is not valid JSON');
      }
      const result = handler(body, claims);
      sendJson(res, 200, result.toJson());
    } catch (err) {
      if (err instanceof TwirpError) {
        sendTwirpError(res, err);
      } else {
        log.error('RoomService error', err);
        sendTwirpError(res, new TwirpError('internal', (err as Error).message || 'internal error'));
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private parse<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw new TwirpError('malformed', `invalid request: ${(err as Error).message}`);
    }
  }

  private requireAdmin(claims: TokenClaims, room: string): void {
    if (!claims.video.roomAdmin || !room || claims.video.room !== room) {
      throw new TwirpError('unauthenticated', 'permissions denied');
    }
  }

  private requireRoom(name: string): Room {
    const room = this.rooms.get(name);
    if (!room || room.closed) throw new TwirpError('not_found', 'requested room does not exist');
    return room;
  }

  private requireParticipant(room: Room, identity: string): RoomMember {
    const p = room.participants.get(identity);
    if (!p || p.closed) throw new TwirpError('not_found', 'participant does not exist');
    return p;
  }

  // ---------------------------------------------------------------- methods

  private createRoom(body: JsonValue, claims: TokenClaims): JsonMessage {
    if (!claims.video.roomCreate) throw new TwirpError('unauthenticated', 'permissions denied');
    const req = this.parse(() => CreateRoomRequest.fromJson(body, { ignoreUnknownFields: true }));
    if (!req.name) throw new TwirpError('invalid_argument', 'room name is required');
    const existing = this.rooms.get(req.name);
    if (existing && !existing.closed) return existing.toProto();
    return this.rooms
      .getOrCreate(req.name, {
        emptyTimeoutSec: req.emptyTimeout,
        departureTimeoutSec: req.departureTimeout,
        maxParticipants: req.maxParticipants,
        metadata: req.metadata,
      })
      .toProto();
  }

  private listRooms(body: JsonValue, claims: TokenClaims): JsonMessage {
    if (!claims.video.roomList) throw new TwirpError('unauthenticated', 'permissions denied');
    const req = this.parse(() => ListRoomsRequest.fromJson(body, { ignoreUnknownFields: true }));
    const rooms = [...this.rooms.rooms.values()]
      .filter((r) => !r.closed && (req.names.length === 0 || req.names.includes(r.name)))
      .map((r) => r.toProto());
    return new ListRoomsResponse({ rooms });
  }

  private deleteRoom(body: JsonValue, claims: TokenClaims): JsonMessage {
    if (!claims.video.roomCreate) throw new TwirpError('unauthenticated', 'permissions denied');
    const req = this.parse(() => DeleteRoomRequest.fromJson(body, { ignoreUnknownFields: true }));
    this.requireRoom(req.room).close(DisconnectReason.ROOM_DELETED);
    return new DeleteRoomResponse();
  }

  private listParticipants(body: JsonValue, claims: TokenClaims): JsonMessage {
    const req = this.parse(() => ListParticipantsRequest.fromJson(body, { ignoreUnknownFields: true }));
    this.requireAdmin(claims, req.room);
    const room = this.requireRoom(req.room);
    const participants = [...room.participants.values()].filter((p) => !p.closed).map((p) => p.toInfo());
    return new ListParticipantsResponse({ participants });
  }

  private getParticipant(body: JsonValue, claims: TokenClaims): JsonMessage {
    const req = this.parse(() => RoomParticipantIdentity.fromJson(body, { ignoreUnknownFields: true }));
    this.requireAdmin(claims, req.room);
    return this.requireParticipant(this.requireRoom(req.room), req.identity).toInfo();
  }

  private removeParticipant(body: JsonValue, claims: TokenClaims): JsonMessage {
    const req = this.parse(() => RoomParticipantIdentity.fromJson(body, { ignoreUnknownFields: true }));
    this.requireAdmin(claims, req.room);
    this.requireParticipant(this.requireRoom(req.room), req.identity).close(DisconnectReason.PARTICIPANT_REMOVED, true);
    return new RemoveParticipantResponse();
  }

  private mutePublishedTrack(body: JsonValue, claims: TokenClaims): JsonMessage {
    const req = this.parse(() => MuteRoomTrackRequest.fromJson(body, { ignoreUnknownFields: true }));
    this.requireAdmin(claims, req.room);
    const p = this.requireParticipant(this.requireRoom(req.room), req.identity);
    const track = p.published.get(req.trackSid);
    if (!track) throw new TwirpError('not_found', 'track does not exist');
    if (!req.muted) throw new TwirpError('failed_precondition', 'remote unmute not enabled');
    p.requestMute(track, true);
    return new MuteRoomTrackResponse({ track: track.info });
  }

  private updateParticipant(body: JsonValue, claims: TokenClaims): JsonMessage {
    const req = this.parse(() => UpdateParticipantRequest.fromJson(body, { ignoreUnknownFields: true }));
    this.requireAdmin(claims, req.room);
    const p = this.requireParticipant(this.requireRoom(req.room), req.identity);
    if (req.name || req.metadata || Object.keys(req.attributes).length > 0) {
      p.applyMetadata(req.name, req.metadata, req.attributes);
    }
    // A present permission replaces every field: proto3 JSON omits `false`, so an absent
    // boolean inside it means false, exactly as livekit-server treats it.
    if (req.permission)
      p.setPermission(req.permission, refreshTokenFor({ ...p, permission: req.permission }, req.room, claims.apiKey, this.config.keys));
    return p.toInfo();
  }

  private updateRoomMetadata(body: JsonValue, claims: TokenClaims): JsonMessage {
    const req = this.parse(() => UpdateRoomMetadataRequest.fromJson(body, { ignoreUnknownFields: true }));
    this.requireAdmin(claims, req.room);
    const room = this.requireRoom(req.room);
    room.metadata = req.metadata;
    room.broadcastRoomUpdate();
    return room.toProto();
  }

  private sendData(body: JsonValue, claims: TokenClaims): JsonMessage {
    const req = this.parse(() => SendDataRequest.fromJson(body, { ignoreUnknownFields: true }));
    this.requireAdmin(claims, req.room);
    const room = this.requireRoom(req.room);
    if (req.nonce.length !== 0 && req.nonce.length !== SEND_DATA_NONCE_BYTES) {
      throw new TwirpError('invalid_argument', 'nonce should be 16 bytes or not present');
    }
    if (req.nonce.length === SEND_DATA_NONCE_BYTES) {
      const key = Buffer.from(req.nonce).toString('hex');
      if (this.seenNonces.has(key)) return new SendDataResponse();
      this.seenNonces.add(key);
      if (this.seenNonces.size > SEEN_NONCES_LIMIT) this.seenNonces.clear();
    }
    const packet = serverDataPacket(req);
    room.routeData(undefined, packet, packet.kind);
    return new SendDataResponse();
  }

  private updateSubscriptions(body: JsonValue, claims: TokenClaims): JsonMessage {
    const req = this.parse(() => UpdateSubscriptionsRequest.fromJson(body, { ignoreUnknownFields: true }));
    this.requireAdmin(claims, req.room);
    const room = this.requireRoom(req.room);
    this.requireParticipant(room, req.identity).updateSubscriptions(req);
    return new UpdateSubscriptionsResponse();
  }
}
