/**
 * What a room and its participants need from each other. Both sides depend on these interfaces
 * only: the room is handed to a participant at construction as a {@link ParticipantRoom}, and the
 * room (and RoomService) see participants as {@link RoomMember}s, so neither module imports the other.
 */
import type {
  ClientInfo_Capability,
  DataPacket,
  DataPacket_Kind,
  DisconnectReason,
  ParticipantInfo,
  ParticipantInfo_Kind,
  ParticipantInfo_State,
  ParticipantPermission,
  UpdateSubscription,
} from '@livekit/protocol';
import type { DownTrack } from './forwarder';
import type { PublishedTrack } from './publishedTrack';
import type { SignalMessage } from './signalConnection';

/** Identity and grants a participant joins with (from the verified token and JoinRequest). */
export interface ParticipantInit {
  identity: string;
  name: string;
  metadata: string;
  attributes: Record<string, string>;
  permission: ParticipantPermission;
  kind: ParticipantInfo_Kind;
  autoSubscribe: boolean;
  clientProtocol: number;
  capabilities: ClientInfo_Capability[];
}

/** Which tracks to (un)subscribe: the fields UpdateSubscription and RoomService share. */
export type SubscriptionChange = Pick<UpdateSubscription, 'trackSids' | 'participantTracks' | 'subscribe'>;

/** A participant as its room and RoomService see it. */
export interface RoomMember {
  readonly sid: string;
  readonly identity: string;
  readonly name: string;
  readonly metadata: string;
  readonly attributes: Record<string, string>;
  readonly kind: ParticipantInfo_Kind;
  readonly permission: ParticipantPermission;
  readonly autoSubscribe: boolean;
  readonly hidden: boolean;
  readonly state: ParticipantInfo_State;
  /** True once others were told about this participant (it reached ACTIVE). */
  readonly announced: boolean;
  readonly closed: boolean;
  /** Highest reliable data sequence seen from this participant (duplicates are dropped). */
  lastReliableSeq: number;
  /** Published tracks by track sid. */
  readonly published: ReadonlyMap<string, PublishedTrack>;
  liveTracks(): PublishedTrack[];
  toInfo(): ParticipantInfo;
  send(message: SignalMessage): void;
  subscribe(track: PublishedTrack): void;
  unsubscribe(trackSid: string): void;
  updateSubscriptions(change: SubscriptionChange): void;
  deliverData(kind: DataPacket_Kind, bytes: Uint8Array): void;
  applyMetadata(name: string, metadata: string, attributes: Record<string, string>): void;
  setPermission(permission: ParticipantPermission, refreshToken?: string): void;
  requestMute(track: PublishedTrack, muted: boolean): void;
  close(reason: DisconnectReason, notifyClient: boolean): void;
}

/** A live track and who publishes it. */
export interface TrackLookup {
  publisher: RoomMember;
  track: PublishedTrack;
}

/** What a participant tells its room, and asks of it. */
export interface ParticipantRoom {
  /** The participant's peer connection is up: announce it to everyone. */
  onParticipantActive(p: RoomMember): void;
  /** Sends `p`'s current info to every other participant, and to `p` itself if asked. */
  broadcastParticipant(p: RoomMember, includeSelf: boolean): void;
  onTrackLive(publisher: RoomMember, track: PublishedTrack): void;
  onTrackUnpublished(publisher: RoomMember, track: PublishedTrack, announce: boolean): void;
  /** A DownTrack got bound: its publisher hears that the track has a subscriber. */
  onSubscribed(dt: DownTrack): void;
  findTrack(trackSid: string): TrackLookup | undefined;
  subscribeToExisting(p: RoomMember): void;
  routeData(sender: RoomMember | undefined, packet: DataPacket, kind: DataPacket_Kind): void;
  removeParticipant(p: RoomMember): void;
}
