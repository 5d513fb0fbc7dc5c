/**
 * One connected participant: its LiveKit state (ParticipantInfo), its signal connection and werift
 * transport, and the parts that do the work — publications, subscriptions, negotiation. It knows
 * its room only as the {@link ParticipantRoom} it is given.
 */
import {
  DataPacket,
  type DataPacket_Kind,
  DisconnectReason,
  LeaveRequest,
  LeaveRequest_Action,
  MuteTrackRequest,
  ParticipantInfo,
  type ParticipantInfo_Kind,
  ParticipantInfo_State,
  type ClientInfo_Capability,
  type ParticipantPermission,
  RequestResponse,
  RequestResponse_Reason,
  type SessionDescription,
  type SignalRequest,
  type UpdateParticipantMetadata,
} from '@livekit/protocol';
import { channelOfKind, kindOfChannel } from './dataPackets';
import { debugLog } from './debugLog';
import { newId } from './ids';
import { log } from './log';
import { Negotiation } from './negotiation';
import { Publications } from './publications';
import type { PublishedTrack } from './publishedTrack';
import type { ParticipantInit, ParticipantRoom, RoomMember, SubscriptionChange } from './roomContracts';
import type { SignalConnection, SignalMessage } from './signalConnection';
import { dispatchSignalRequest, notAllowed, type SignalRequestHandlers } from './signalRequests';
import { Subscriptions } from './subscriptions';
import type { RtcTransport } from './transport';

export class Participant implements RoomMember {
  readonly sid = newId('PA_');
  identity: string;
  name: string;
  metadata: string;
  attributes: Record<string, string>;
  permission: ParticipantPermission;
  readonly kind: ParticipantInfo_Kind;
  readonly autoSubscribe: boolean;
  readonly clientProtocol: number;
  readonly capabilities: ClientInfo_Capability[];
  readonly joinedAtMs = Date.now();
  state = ParticipantInfo_State.JOINING;
  disconnectReason = DisconnectReason.UNKNOWN_REASON;
  announced = false;
  closed = false;
  lastReliableSeq = 0;

  private readonly publications: Publications;
  private readonly subscriptions: Subscriptions;
  private readonly negotiation: Negotiation;
  private version = 1;

  constructor(
    private readonly room: ParticipantRoom,
    readonly signal: SignalConnection,
    readonly transport: RtcTransport,
    init: ParticipantInit,
  ) {
    this.identity = init.identity;
    this.name = init.name;
    this.metadata = init.metadata;
    this.attributes = { ...init.attributes };
    this.permission = init.permission;
    this.kind = init.kind;
    this.autoSubscribe = init.autoSubscribe;
    this.clientProtocol = init.clientProtocol;
    this.capabilities = init.capabilities;
    /** What every part needs of the participant's connection. */
    const wire = { identity: this.identity, transport, send: (m: SignalMessage) => this.send(m), isClosed: () => this.closed };
    this.publications = new Publications({
      ...wire,
      publisherSid: this.sid,
      permission: () => this.permission,
    });
    this.publications.on('live', (track) => this.onTrackLive(track));
    this.publications.on('muteChanged', () => this.changed(false));
    this.publications.on('unpublished', ({ track, wasLive }) => {
      if (wasLive && !this.closed) this.bumpVersion();
      this.room.onTrackUnpublished(this, track, wasLive && !this.closed);
    });
    this.subscriptions = new Subscriptions({
      ...wire,
      subscriberSid: this.sid,
      canSubscribe: () => this.permission.canSubscribe,
      findTrack: (sid) => this.room.findTrack(sid),
    });
    this.subscriptions.on('bound', (dt) => this.room.onSubscribed(dt));
    this.negotiation = new Negotiation({ ...wire, publications: this.publications, subscriptions: this.subscriptions });
    signal.on('request', (req) => this.handleRequest(req));
    signal.on('close', () => this.close(DisconnectReason.CLIENT_INITIATED, false));
    transport.on('data', ({ label, data }) => this.handleData(label, data));
    transport.on('connectionState', (state) => this.onConnectionState(state));
  }

  get hidden(): boolean {
    return this.permission.hidden;
  }

  get published(): ReadonlyMap<string, PublishedTrack> {
    return this.publications.published;
  }

  /** Increments the ParticipantInfo version; clients ignore infos with a lower one. */
  bumpVersion(): void {
    this.version++;
  }

  /** Tracks that are announced to other participants. */
  liveTracks(): PublishedTrack[] {
    return this.publications.liveTracks();
  }

  toInfo(): ParticipantInfo {
    const tracks = this.liveTracks().map((t) => t.info);
    return new ParticipantInfo({
      sid: this.sid,
      identity: this.identity,
      name: this.name,
      state: this.state,
      tracks,
      metadata: this.metadata,
      attributes: { ...this.attributes },
      joinedAt: BigInt(Math.floor(this.joinedAtMs / 1000)),
      joinedAtMs: BigInt(this.joinedAtMs),
      version: this.version,
      permission: this.permission,
      isPublisher: tracks.length > 0,
      kind: this.kind,
      disconnectReason: this.disconnectReason,
      clientProtocol: this.clientProtocol,
      capabilities: this.capabilities,
    });
  }

  send(message: SignalMessage): void {
    this.signal.send(message);
  }

  /** The info changed: a new version goes to the others, and to this participant if asked. */
  private changed(includeSelf: boolean): void {
    this.bumpVersion();
    this.room.broadcastParticipant(this, includeSelf);
  }

  private onConnectionState(state: string): void {
    debugLog(this.identity, 'pc', state, state === 'connected' ? this.transport.selectedPair() : '');
    if (state !== 'connected' || this.state === ParticipantInfo_State.ACTIVE || this.closed) return;
    this.state = ParticipantInfo_State.ACTIVE;
    this.bumpVersion();
    this.announced = true;
    this.room.onParticipantActive(this);
  }

  private onTrackLive(track: PublishedTrack): void {
    if (this.closed || track.closed) return;
    this.bumpVersion();
    this.room.onTrackLive(this, track);
  }

  private handleRequest(req: SignalRequest): void {
    if (this.closed) return;
    if (req.message.case !== 'trickle') debugLog(this.identity, 'request', req.message.case);
    dispatchSignalRequest(req.message, this.requestHandlers);
  }

  /**
   * Built once, not per request. Kinds without a handler — answer (no server offers in single-PC
   * mode), subscription permissions, sync state, layer updates, data tracks — are accepted and ignored.
   */
  private readonly requestHandlers: SignalRequestHandlers = {
    offer: (offer) => this.handleOffer(offer),
    trickle: (trickle) => this.negotiation.addCandidate(trickle.candidateInit),
    addTrack: (addTrack) => this.publications.addTrack(addTrack),
    mute: (mute) => this.publications.mute(mute),
    subscription: (change) => this.subscriptions.update(change),
    trackSetting: (settings) => this.subscriptions.applySettings(settings),
    updateMetadata: (update) => this.handleUpdateMetadata(update),
    leave: () => this.close(DisconnectReason.CLIENT_INITIATED, false),
  };

  /** Answers a client offer (also the one carried in the JoinRequest). */
  handleOffer(offer: SessionDescription): void {
    this.negotiation.answer(offer);
  }

  private handleUpdateMetadata(req: UpdateParticipantMetadata): void {
    if (!this.permission.canUpdateMetadata) {
      this.send(notAllowed({ case: 'updateMetadata', value: req }, 'does not have permission to update own metadata', req.requestId));
      return;
    }
    this.applyMetadata(req.name, req.metadata, req.attributes);
    this.send({ case: 'requestResponse', value: new RequestResponse({ requestId: req.requestId, reason: RequestResponse_Reason.OK }) });
  }

  /** Applies name/metadata/attribute changes (empty = unchanged; empty attribute value deletes). */
  applyMetadata(name: string, metadata: string, attributes: Record<string, string>): void {
    if (name) this.name = name;
    if (metadata) this.metadata = metadata;
    for (const [k, v] of Object.entries(attributes)) {
      if (v === '') delete this.attributes[k];
      else this.attributes[k] = v;
    }
    this.changed(true);
  }

  /** Asks the publisher to mute a track (RoomService MutePublishedTrack). */
  requestMute(track: PublishedTrack, muted: boolean): void {
    this.send({ case: 'mute', value: new MuteTrackRequest({ sid: track.sid, muted }) });
    this.publications.mute(new MuteTrackRequest({ sid: track.sid, muted }));
  }

  /**
   * Replaces all permission fields (RoomService UpdateParticipant), live on this connection;
   * `refreshToken` carries the new grants for a later rejoin.
   */
  setPermission(permission: ParticipantPermission, refreshToken?: string): void {
    const couldSubscribe = this.permission.canSubscribe;
    this.permission = permission;
    this.publications.dropDisallowed();
    if (!permission.canSubscribe) this.subscriptions.unsubscribeAll();
    this.changed(true);
    if (refreshToken) this.send({ case: 'refreshToken', value: refreshToken });
    if (permission.canSubscribe && !couldSubscribe) this.room.subscribeToExisting(this);
  }

  /** Starts forwarding `track` to this participant. */
  subscribe(track: PublishedTrack): void {
    this.subscriptions.subscribe(track);
  }

  unsubscribe(trackSid: string): void {
    this.subscriptions.unsubscribe(trackSid);
  }

  updateSubscriptions(change: SubscriptionChange): void {
    this.subscriptions.update(change);
  }

  private handleData(label: string, data: Buffer): void {
    const kind = kindOfChannel(label);
    if (kind === undefined) return;
    let packet: DataPacket;
    try {
      packet = DataPacket.fromBinary(data);
    } catch {
      log.warn(`dropping undecodable data packet from ${this.identity}`);
      return;
    }
    this.room.routeData(this, packet, kind);
  }

  /** Delivers an already-encoded DataPacket on the matching channel. */
  deliverData(kind: DataPacket_Kind, bytes: Uint8Array): void {
    this.transport.sendData(channelOfKind(kind), bytes);
  }

  /**
   * Disconnects the participant. With `notifyClient` the client first gets a
   * `leave{action: DISCONNECT}` so it does not try to reconnect.
   */
  close(reason: DisconnectReason, notifyClient: boolean): void {
    if (this.closed) return;
    this.closed = true;
    if (notifyClient) {
      this.send({ case: 'leave', value: new LeaveRequest({ reason, action: LeaveRequest_Action.DISCONNECT }) });
    }
    this.signal.close();
    this.state = ParticipantInfo_State.DISCONNECTED;
    this.disconnectReason = reason;
    this.bumpVersion();
    this.subscriptions.close();
    this.publications.unpublishAll();
    // Closing errors are logged by the transport; the participant is gone either way.
    void this.transport.close();
    this.room.removeParticipant(this);
  }
}
