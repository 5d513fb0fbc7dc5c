/**
 * A room: its participants, the fan-out of participant state, subscriptions and data, and its
 * lifetime (created on first join or CreateRoom, finished after an empty timeout or DeleteRoom).
 */
import {
  type DataPacket,
  type DataPacket_Kind,
  DisconnectReason,
  ParticipantInfo,
  ParticipantUpdate,
  Room as RoomProto,
  RoomUpdate,
  TrackSubscribed,
} from '@livekit/protocol';
import { Emitter, type EventArgs } from '../../shared/emitter';
import { routeDataPacket } from './dataPackets';
import type { DownTrack } from './forwarder';
import { newId } from './ids';
import type { PublishedTrack } from './publishedTrack';
import type { ParticipantRoom, RoomMember, TrackLookup } from './roomContracts';
import type { WebhookEvents } from './webhooks';

export interface RoomOptions {
  emptyTimeoutSec: number;
  departureTimeoutSec: number;
  maxParticipants: number;
  metadata: string;
}

export interface RoomEvents {
  /** The room finished: everyone was disconnected and room_finished reported. */
  closed: void;
}

export class Room implements ParticipantRoom {
  readonly sid = newId('RM_');
  readonly createdAtMs = Date.now();
  readonly participants = new Map<string, RoomMember>();
  metadata: string;
  emptyTimeoutSec: number;
  departureTimeoutSec: number;
  maxParticipants: number;
  closed = false;
  private everJoined = false;
  private closeTimer: NodeJS.Timeout | undefined;
  private readonly events = new Emitter<RoomEvents>();

  constructor(
    readonly name: string,
    options: RoomOptions,
    private readonly webhooks: Emitter<WebhookEvents>,
  ) {
    this.metadata = options.metadata;
    this.emptyTimeoutSec = options.emptyTimeoutSec;
    this.departureTimeoutSec = options.departureTimeoutSec;
    this.maxParticipants = options.maxParticipants;
    this.webhooks.emit('room_started', { room: this.toProto() });
    this.scheduleCloseIfEmpty();
  }

  on<E extends keyof RoomEvents>(event: E, listener: (...args: EventArgs<RoomEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }

  toProto(): RoomProto {
    const visible = [...this.participants.values()].filter((p) => !p.hidden);
    return new RoomProto({
      sid: this.sid,
      name: this.name,
      emptyTimeout: this.emptyTimeoutSec,
      departureTimeout: this.departureTimeoutSec,
      maxParticipants: this.maxParticipants,
      creationTime: BigInt(Math.floor(this.createdAtMs / 1000)),
      creationTimeMs: BigInt(this.createdAtMs),
      metadata: this.metadata,
      numParticipants: visible.length,
      numPublishers: visible.filter((p) => p.liveTracks().length > 0).length,
      activeRecording: false,
    });
  }

  /** Participants other than `self` that clients may know about. */
  visibleOthers(self: RoomMember | undefined): RoomMember[] {
    return [...this.participants.values()].filter((p) => p !== self && p.announced && !p.hidden && !p.closed);
  }

  /** Registers a new participant, replacing one with the same identity (DUPLICATE_IDENTITY). */
  addParticipant(p: RoomMember): void {
    const old = this.participants.get(p.identity);
    if (old) old.close(DisconnectReason.DUPLICATE_IDENTITY, true);
    this.participants.set(p.identity, p);
    this.everJoined = true;
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  /** Called when the participant's peer connection is up: announce it to everyone. */
  onParticipantActive(p: RoomMember): void {
    if (p.closed) return;
    this.broadcastParticipant(p, false);
    this.webhooks.emit('participant_joined', { room: this.toProto(), participant: p.toInfo() });
  }

  /** Sends `p`'s current info to every other participant, and to `p` itself if asked. */
  broadcastParticipant(p: RoomMember, includeSelf: boolean): void {
    if (includeSelf) p.send({ case: 'update', value: new ParticipantUpdate({ participants: [p.toInfo()] }) });
    if (!p.announced || p.hidden) return;
    const update = new ParticipantUpdate({ participants: [p.toInfo()] });
    for (const other of this.participants.values()) {
      if (other !== p && !other.closed) other.send({ case: 'update', value: update });
    }
  }

  broadcastRoomUpdate(): void {
    const room = this.toProto();
    for (const p of this.participants.values()) p.send({ case: 'roomUpdate', value: new RoomUpdate({ room }) });
  }

  removeParticipant(p: RoomMember): void {
    if (this.participants.get(p.identity) === p) this.participants.delete(p.identity);
    if (p.announced) {
      this.broadcastParticipant(p, false);
      this.webhooks.emit('participant_left', { room: this.toProto(), participant: p.toInfo() });
    } else {
      this.webhooks.emit('participant_connection_aborted', { room: this.toProto(), participant: p.toInfo() });
    }
    this.scheduleCloseIfEmpty();
  }

  findTrack(trackSid: string): TrackLookup | undefined {
    for (const publisher of this.participants.values()) {
      const track = publisher.published.get(trackSid);
      if (track?.live) return { publisher, track };
    }
    return undefined;
  }

  /** A published track started carrying media: announce it, then subscribe the others. */
  onTrackLive(publisher: RoomMember, track: PublishedTrack): void {
    // The update must reach subscribers before the SDP that carries the track.
    this.broadcastParticipant(publisher, false);
    this.webhooks.emit('track_published', {
      room: this.toProto(),
      participant: minimalParticipant(publisher),
      track: track.info,
    });
    for (const other of this.participants.values()) {
      if (other !== publisher && other.autoSubscribe && !other.closed) other.subscribe(track);
    }
  }

  onTrackUnpublished(publisher: RoomMember, track: PublishedTrack, announce: boolean): void {
    for (const other of this.participants.values()) if (other !== publisher) other.unsubscribe(track.sid);
    if (announce) this.broadcastParticipant(publisher, true);
    if (track.live) {
      this.webhooks.emit('track_unpublished', {
        room: this.toProto(),
        participant: minimalParticipant(publisher),
        track: track.info,
      });
    }
  }

  /** Tells the publisher its track has a subscriber (client event LocalTrackSubscribed). */
  onSubscribed(dt: DownTrack): void {
    for (const p of this.participants.values()) {
      if (p.sid === dt.track.publisherSid) p.send({ case: 'trackSubscribed', value: new TrackSubscribed({ trackSid: dt.trackSid }) });
    }
  }

  /** Subscribes `p` to every live track of the others (join, or subscribe permission granted). */
  subscribeToExisting(p: RoomMember): void {
    if (!p.autoSubscribe) return;
    for (const other of this.participants.values()) {
      if (other === p) continue;
      for (const t of other.liveTracks()) p.subscribe(t);
    }
  }

  /** Forwards a DataPacket to the others; `sender` is undefined for RoomService SendData. */
  routeData(sender: RoomMember | undefined, dp: DataPacket, kind: DataPacket_Kind): void {
    routeDataPacket(this.participants.values(), sender, dp, kind);
  }

  private scheduleCloseIfEmpty(): void {
    if (this.closed || this.participants.size > 0) return;
    if (this.closeTimer) clearTimeout(this.closeTimer);
    const sec = this.everJoined ? this.departureTimeoutSec : this.emptyTimeoutSec;
    this.closeTimer = setTimeout(() => {
      if (this.participants.size === 0) this.close(DisconnectReason.ROOM_CLOSED);
    }, sec * 1000);
    this.closeTimer.unref();
  }

  /** Disconnects everyone with `reason` and finishes the room. */
  close(reason: DisconnectReason): void {
    if (this.closed) return;
    for (const p of [...this.participants.values()]) p.close(reason, true);
    this.closed = true;
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.webhooks.emit('room_finished', { room: this.toProto() });
    this.events.emit('closed');
  }
}

/** track_published/unpublished webhooks carry only the participant's sid and identity. */
function minimalParticipant(p: RoomMember): ParticipantInfo {
  return new ParticipantInfo({ sid: p.sid, identity: p.identity });
}
