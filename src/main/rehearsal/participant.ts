/**
 * One connected participant: its LiveKit state (ParticipantInfo), its signal connection, its
 * werift transport, the tracks it publishes and the DownTracks that feed it.
 */
import {
  type AddTrackRequest,
  type ClientInfo_Capability,
  DataPacket,
  DataPacket_Kind,
  DisconnectReason,
  LeaveRequest,
  LeaveRequest_Action,
  MediaSectionsRequirement,
  MuteTrackRequest,
  ParticipantInfo,
  type ParticipantInfo_Kind,
  ParticipantInfo_State,
  type ParticipantPermission,
  RequestResponse,
  RequestResponse_Reason,
  SessionDescription,
  type SignalRequest,
  SimulcastCodecInfo,
  TrackInfo,
  TrackPublishedResponse,
  TrackSource,
  TrackType,
  TrackUnpublishedResponse,
  type UpdateParticipantMetadata,
  type UpdateSubscription,
  type UpdateTrackSettings,
  VideoLayer,
  VideoLayer_Mode,
} from '@livekit/protocol';
import type { RTCRtpTransceiver } from 'werift';
import { debugLog } from './debugLog';
import { DownTrack } from './forwarder';
import { newId } from './ids';
import { PublishedTrack } from './publishedTrack';
import type { Room } from './room';
import type { SignalConnection, SignalMessage } from './signalConnection';
import type { RtcTransport } from './transport';
import { isVp8KeyframeStart } from './vp8';

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

/** A track announced with AddTrackRequest whose m-section has not been seen yet (or vice versa). */
interface PendingTrack {
  info: TrackInfo;
}

/** If a published track sends no media at all (e.g. published muted), announce it anyway after this. */
const PUBLISH_WITHOUT_MEDIA_MS = 3000;

export class Participant {
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
  /** True once others were told about this participant (it reached ACTIVE). */
  announced = false;
  closed = false;
  /** Highest reliable data sequence seen from this participant (duplicates are dropped). */
  lastReliableSeq = 0;

  /** Published tracks by track sid. */
  readonly published = new Map<string, PublishedTrack>();
  private readonly pendingByCid = new Map<string, PendingTrack>();
  private readonly midByCid = new Map<string, string>();
  private readonly trackByMid = new Map<string, PublishedTrack>();
  /** Subscriptions by track sid. */
  readonly downTracks = new Map<string, DownTrack>();
  private readonly unbound: DownTrack[] = [];
  private version = 1;
  private mediaSectionsTimer: NodeJS.Timeout | undefined;
  private forceMediaSections = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly room: Room,
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
    signal.onRequest = (req) => this.handleRequest(req);
    signal.onClose = () => this.close(DisconnectReason.CLIENT_INITIATED, false);
    transport.onData = (label, data) => this.handleData(label, data);
    transport.onConnectionState = (state) => {
      debugLog(this.identity, 'pc', state, state === 'connected' ? transport.selectedPair() : '');
      if (state === 'connected' && this.state !== ParticipantInfo_State.ACTIVE && !this.closed) {
        this.state = ParticipantInfo_State.ACTIVE;
        this.bumpVersion();
        this.room.onParticipantActive(this);
      }
    };
  }

  get hidden(): boolean {
    return this.permission.hidden;
  }

  /** Increments the ParticipantInfo version; clients ignore infos with a lower one. */
  bumpVersion(): void {
    this.version++;
  }

  /** Tracks that are announced to other participants. */
  liveTracks(): PublishedTrack[] {
    return [...this.published.values()].filter((t) => t.live);
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

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.closed) fn();
    }, ms);
    this.timers.add(t);
  }

  // ---------------------------------------------------------------- signal requests

  private handleRequest(req: SignalRequest): void {
    if (this.closed) return;
    const msg = req.message;
    if (msg.case !== 'trickle') debugLog(this.identity, 'request', msg.case);
    switch (msg.case) {
      case 'offer':
        this.handleOffer(msg.value);
        break;
      case 'trickle':
        this.transport.addCandidate(msg.value.candidateInit).catch((err: Error) => {
          console.warn(`[rehearsal-server] bad ICE candidate from ${this.identity}: ${err.message}`);
        });
        break;
      case 'addTrack':
        this.handleAddTrack(msg.value);
        break;
      case 'mute':
        this.handleMute(msg.value);
        break;
      case 'subscription':
        this.handleSubscription(msg.value);
        break;
      case 'trackSetting':
        this.handleTrackSetting(msg.value);
        break;
      case 'updateMetadata':
        this.handleUpdateMetadata(msg.value);
        break;
      case 'leave':
        this.close(DisconnectReason.CLIENT_INITIATED, false);
        break;
      default:
        // answer (no server offers in single-PC mode), subscription permissions, sync state,
        // layer updates, data tracks: accepted and ignored.
        break;
    }
  }

  /** Answers a client offer (also the one carried in the JoinRequest). */
  handleOffer(offer: SessionDescription): void {
    debugLog(this.identity, 'offer', offer.id);
    this.transport
      .enqueue(async () => {
        if (this.closed) return;
        const sdp = await this.transport.answer(offer.sdp, () => {
          this.reconcilePublications();
          this.bindDownTracks();
        });
        debugLog(this.identity, 'answer', offer.id, this.midToTrackId());
        this.send({
          case: 'answer',
          value: new SessionDescription({ type: 'answer', sdp, id: offer.id, midToTrackId: this.midToTrackId() }),
        });
        if (this.unbound.length > 0) this.requestMediaSections();
      })
      .catch((err: Error) => {
        console.error(`[rehearsal-server] negotiation with ${this.identity} failed:`, err);
      });
  }

  private midToTrackId(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const dt of this.downTracks.values()) {
      const mid = dt.transceiver?.mid;
      if (mid && !dt.closed) out[mid] = dt.trackSid;
    }
    return out;
  }

  /**
   * Correlates the offer's sending m-sections with AddTrackRequests (via the msid track id,
   * which is the request's cid) and detects unpublishing, which has no signal message: the
   * client turns the section inactive and drops its msid.
   */
  private reconcilePublications(): void {
    for (const section of this.transport.offerSections.values()) {
      if (section.kind !== 'audio' && section.kind !== 'video') continue;
      const sending = (section.direction === 'sendonly' || section.direction === 'sendrecv') && section.port !== 0;
      const existing = this.trackByMid.get(section.mid);
      const cid = section.msidTrackId;
      if (existing && (!sending || existing.cid !== cid)) this.unpublish(existing, false);
      if (sending && cid && !this.trackByMid.has(section.mid)) {
        this.midByCid.set(cid, section.mid);
        this.activatePending(cid);
      }
    }
    for (const t of this.published.values()) t.attachLayers();
  }

  private activatePending(cid: string): void {
    const pending = this.pendingByCid.get(cid);
    const mid = this.midByCid.get(cid);
    if (!pending || mid === undefined) return;
    const transceiver = this.transport.transceiverByMid(mid);
    if (!transceiver) return;
    this.pendingByCid.delete(cid);
    pending.info.mid = mid;
    const track = new PublishedTrack(pending.info, cid, this.sid, transceiver, isVp8KeyframeStart, (t) => this.onTrackLive(t));
    this.published.set(track.sid, track);
    this.trackByMid.set(mid, track);
    this.later(PUBLISH_WITHOUT_MEDIA_MS, () => {
      if (!track.live && !track.closed) {
        track.live = true;
        this.onTrackLive(track);
      }
    });
  }

  private onTrackLive(track: PublishedTrack): void {
    if (this.closed || track.closed) return;
    this.bumpVersion();
    this.room.onTrackLive(this, track);
  }

  private sourceAllowed(source: TrackSource): boolean {
    if (!this.permission.canPublish) return false;
    const allowed = this.permission.canPublishSources;
    return allowed.length === 0 || allowed.includes(source);
  }

  private handleAddTrack(req: AddTrackRequest): void {
    if (!this.sourceAllowed(req.source)) {
      this.send({
        case: 'requestResponse',
        value: new RequestResponse({
          reason: RequestResponse_Reason.NOT_ALLOWED,
          message: 'does not have permission to publish this source',
          request: { case: 'addTrack', value: req },
        }),
      });
      return;
    }
    const existing = this.pendingByCid.get(req.cid);
    if (existing) {
      this.send({ case: 'trackPublished', value: new TrackPublishedResponse({ cid: req.cid, track: existing.info }) });
      return;
    }
    const isVideo = req.type === TrackType.VIDEO;
    const layers = [...req.layers].sort((a, b) => a.quality - b.quality).map((l) => new VideoLayer({ ...l, ssrc: 0 }));
    const mimeType = isVideo ? 'video/VP8' : 'audio/opus';
    const info = new TrackInfo({
      sid: newId('TR_'),
      type: req.type,
      name: req.name,
      source: req.source,
      muted: req.muted,
      width: req.width,
      height: req.height,
      simulcast: isVideo && layers.length > 1,
      layers,
      disableDtx: req.disableDtx,
      disableRed: req.disableRed,
      stereo: req.stereo,
      encryption: req.encryption,
      stream:
        req.stream || (req.source === TrackSource.SCREEN_SHARE || req.source === TrackSource.SCREEN_SHARE_AUDIO ? 'screen' : 'camera'),
      mimeType,
      codecs: [
        new SimulcastCodecInfo({
          mimeType,
          cid: req.cid,
          layers: isVideo ? layers : [],
          videoLayerMode: isVideo ? VideoLayer_Mode.ONE_SPATIAL_LAYER_PER_STREAM : VideoLayer_Mode.MODE_UNUSED,
        }),
      ],
      audioFeatures: req.audioFeatures,
      backupCodecPolicy: req.backupCodecPolicy,
    });
    this.pendingByCid.set(req.cid, { info });
    this.send({ case: 'trackPublished', value: new TrackPublishedResponse({ cid: req.cid, track: info }) });
    this.activatePending(req.cid);
  }

  private handleMute(req: MuteTrackRequest): void {
    const track = this.published.get(req.sid);
    if (!track || track.info.muted === req.muted) return;
    track.info.muted = req.muted;
    if (!track.live) return;
    this.bumpVersion();
    this.room.broadcastParticipant(this, false);
  }

  private handleSubscription(req: UpdateSubscription): void {
    const sids = new Set(req.trackSids);
    for (const pt of req.participantTracks) for (const s of pt.trackSids) sids.add(s);
    for (const sid of sids) {
      if (req.subscribe) {
        const found = this.room.findTrack(sid);
        if (found && found.publisher !== this) this.subscribe(found.track);
      } else {
        this.unsubscribe(sid);
      }
    }
  }

  private handleTrackSetting(req: UpdateTrackSettings): void {
    for (const sid of req.trackSids) {
      this.downTracks.get(sid)?.updateSettings(req.disabled, req.quality);
    }
  }

  private handleUpdateMetadata(req: UpdateParticipantMetadata): void {
    if (!this.permission.canUpdateMetadata) {
      this.send({
        case: 'requestResponse',
        value: new RequestResponse({
          requestId: req.requestId,
          reason: RequestResponse_Reason.NOT_ALLOWED,
          message: 'does not have permission to update own metadata',
          request: { case: 'updateMetadata', value: req },
        }),
      });
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
    this.bumpVersion();
    this.room.broadcastParticipant(this, true);
  }

  // ---------------------------------------------------------------- publishing

  /**
   * Removes a published track. `notifyClient` asks the publisher to unpublish it locally
   * (server-initiated: permission revoked); a client-initiated unpublish needs no message.
   */
  unpublish(track: PublishedTrack, notifyClient: boolean): void {
    if (!this.published.has(track.sid)) return;
    this.published.delete(track.sid);
    for (const [mid, t] of this.trackByMid) if (t === track) this.trackByMid.delete(mid);
    const wasLive = track.live;
    track.close();
    if (notifyClient) this.send({ case: 'trackUnpublished', value: new TrackUnpublishedResponse({ trackSid: track.sid }) });
    if (wasLive && !this.closed) this.bumpVersion();
    this.room.onTrackUnpublished(this, track, wasLive && !this.closed);
  }

  /** Asks the publisher to mute a track (RoomService MutePublishedTrack). */
  requestMute(track: PublishedTrack, muted: boolean): void {
    this.send({ case: 'mute', value: new MuteTrackRequest({ sid: track.sid, muted }) });
    this.handleMute(new MuteTrackRequest({ sid: track.sid, muted }));
  }

  /**
   * Replaces all permission fields (RoomService UpdateParticipant), live on this connection;
   * `refreshToken` carries the new grants for a later rejoin.
   */
  setPermission(permission: ParticipantPermission, refreshToken?: string): void {
    const couldSubscribe = this.permission.canSubscribe;
    this.permission = permission;
    for (const track of [...this.published.values()]) {
      if (!this.sourceAllowed(track.info.source)) this.unpublish(track, true);
    }
    for (const [cid, pending] of [...this.pendingByCid]) {
      if (!this.sourceAllowed(pending.info.source)) this.pendingByCid.delete(cid);
    }
    if (!permission.canSubscribe) {
      for (const sid of [...this.downTracks.keys()]) this.unsubscribe(sid);
    }
    this.bumpVersion();
    this.room.broadcastParticipant(this, true);
    if (refreshToken) this.send({ case: 'refreshToken', value: refreshToken });
    if (permission.canSubscribe && !couldSubscribe) this.room.subscribeToExisting(this);
  }

  // ---------------------------------------------------------------- subscribing

  /** Starts forwarding `track` to this participant. */
  subscribe(track: PublishedTrack): void {
    if (this.closed || !this.permission.canSubscribe || this.downTracks.has(track.sid)) return;
    const dt = new DownTrack(track, this.sid);
    this.downTracks.set(track.sid, dt);
    this.unbound.push(dt);
    this.requestMediaSections();
  }

  unsubscribe(trackSid: string): void {
    const dt = this.downTracks.get(trackSid);
    if (!dt) return;
    this.downTracks.delete(trackSid);
    const i = this.unbound.indexOf(dt);
    if (i >= 0) this.unbound.splice(i, 1);
    dt.close();
    if (dt.transceiver) {
      this.transport.retire(dt.transceiver);
      this.requestMediaSections(true);
    }
  }

  /** Binds waiting DownTracks to free client placeholder sections (runs inside an offer). */
  private bindDownTracks(): void {
    const bound = new Set<RTCRtpTransceiver>();
    for (const dt of this.downTracks.values()) if (dt.transceiver) bound.add(dt.transceiver);
    for (const dt of [...this.unbound]) {
      const free = this.transport.freePlaceholders(dt.kind, bound)[0];
      if (!free) continue;
      bound.add(free);
      this.unbound.splice(this.unbound.indexOf(dt), 1);
      dt.bind(free, `${dt.track.publisherSid}|${dt.trackSid}`);
      this.room.onSubscribed(dt);
    }
  }

  /**
   * The server cannot offer in single-PC mode, so it tells the client how many extra receive
   * sections it needs; the client adds them (possibly zero) and sends a new offer, in which the
   * waiting DownTracks get bound. Batched so several subscriptions share one negotiation.
   */
  private requestMediaSections(force = false): void {
    if (force) this.forceMediaSections = true;
    if (this.mediaSectionsTimer || this.closed) return;
    this.mediaSectionsTimer = setTimeout(() => {
      this.mediaSectionsTimer = undefined;
      // Queued behind any offer being answered: that answer may already bind the waiting
      // DownTracks, and the client must not get a requirement before its first answer.
      void this.transport.enqueue(async () => {
        const forced = this.forceMediaSections;
        this.forceMediaSections = false;
        if (this.closed || (this.unbound.length === 0 && !forced)) return;
        const bound = new Set<RTCRtpTransceiver>();
        for (const dt of this.downTracks.values()) if (dt.transceiver) bound.add(dt.transceiver);
        const need = (kind: 'audio' | 'video'): number => {
          const waiting = this.unbound.filter((d) => d.kind === kind).length;
          return Math.max(0, waiting - this.transport.freePlaceholders(kind, bound).length);
        };
        debugLog(this.identity, 'media sections', need('audio'), need('video'));
        this.send({
          case: 'mediaSectionsRequirement',
          value: new MediaSectionsRequirement({ numAudios: need('audio'), numVideos: need('video') }),
        });
      });
    }, 20);
  }

  // ---------------------------------------------------------------- data

  private handleData(label: string, data: Buffer): void {
    if (label !== '_reliable' && label !== '_lossy') return;
    let packet: DataPacket;
    try {
      packet = DataPacket.fromBinary(data);
    } catch {
      console.warn(`[rehearsal-server] dropping undecodable data packet from ${this.identity}`);
      return;
    }
    const kind = label === '_lossy' ? DataPacket_Kind.LOSSY : DataPacket_Kind.RELIABLE;
    this.room.routeData(this, packet, kind);
  }

  /** Delivers an already-encoded DataPacket on the matching channel. */
  deliverData(kind: DataPacket_Kind, bytes: Uint8Array): void {
    this.transport.sendData(kind === DataPacket_Kind.LOSSY ? '_lossy' : '_reliable', bytes);
  }

  // ---------------------------------------------------------------- teardown

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
    if (this.mediaSectionsTimer) clearTimeout(this.mediaSectionsTimer);
    for (const t of this.timers) clearTimeout(t);
    for (const dt of this.downTracks.values()) dt.close();
    this.downTracks.clear();
    for (const track of [...this.published.values()]) this.unpublish(track, false);
    void this.transport.close();
    this.room.removeParticipant(this);
  }
}
