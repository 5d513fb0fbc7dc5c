/**
 * The tracks one participant publishes. A track is announced with AddTrackRequest and carried by
 * an m-section of the client's offer; the two are matched by the msid track id (the request's cid),
 * in either order. Unpublishing has no signal message: the client turns the section inactive.
 */
import {
  type AddTrackRequest,
  type MuteTrackRequest,
  type ParticipantPermission,
  type TrackInfo,
  type TrackSource,
  TrackPublishedResponse,
  TrackUnpublishedResponse,
} from '@livekit/protocol';
import { Emitter, type EventArgs } from '../../shared/emitter';
import { PUBLISH_WITHOUT_MEDIA_MS } from './limits';
import { PublishedTrack } from './publishedTrack';
import type { SignalMessage } from './signalConnection';
import { notAllowed } from './signalRequests';
import { trackInfoFor } from './trackInfo';
import type { RtcTransport } from './transport';
import { isVp8KeyframeStart } from './vp8';

export interface PublicationsDeps {
  publisherSid: string;
  transport: RtcTransport;
  send(message: SignalMessage): void;
  /** The publisher's current grants, which may change while it is connected. */
  permission(): ParticipantPermission;
  isClosed(): boolean;
}

export interface PublicationEvents {
  /** A track started carrying media (or waited long enough): others may hear of it. */
  live: PublishedTrack;
  /** A live track was muted or unmuted. */
  muteChanged: PublishedTrack;
  unpublished: { track: PublishedTrack; wasLive: boolean };
}

export class Publications {
  /** Published tracks by track sid. */
  readonly published = new Map<string, PublishedTrack>();
  /** Tracks announced with AddTrackRequest whose m-section has not been seen yet. */
  private readonly pendingByCid = new Map<string, TrackInfo>();
  private readonly midByCid = new Map<string, string>();
  private readonly trackByMid = new Map<string, PublishedTrack>();
  /** Pending "announce even without media" timers. */
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly events = new Emitter<PublicationEvents>();

  constructor(private readonly deps: PublicationsDeps) {}

  on<E extends keyof PublicationEvents>(event: E, listener: (...args: EventArgs<PublicationEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }

  private sourceAllowed(source: TrackSource): boolean {
    const permission = this.deps.permission();
    if (!permission.canPublish) return false;
    return permission.canPublishSources.length === 0 || permission.canPublishSources.includes(source);
  }

  /** Tracks that are announced to other participants. */
  liveTracks(): PublishedTrack[] {
    return [...this.published.values()].filter((t) => t.live);
  }

  addTrack(req: AddTrackRequest): void {
    if (!this.sourceAllowed(req.source)) {
      this.deps.send(notAllowed({ case: 'addTrack', value: req }, 'does not have permission to publish this source'));
      return;
    }
    const existing = this.pendingByCid.get(req.cid);
    if (existing) {
      this.deps.send({ case: 'trackPublished', value: new TrackPublishedResponse({ cid: req.cid, track: existing }) });
      return;
    }
    const info = trackInfoFor(req);
    this.pendingByCid.set(req.cid, info);
    this.deps.send({ case: 'trackPublished', value: new TrackPublishedResponse({ cid: req.cid, track: info }) });
    this.activatePending(req.cid);
  }

  /**
   * Correlates the offer's sending m-sections with AddTrackRequests and detects unpublishing:
   * the client turns the section inactive and drops its msid.
   */
  reconcile(): void {
    for (const section of this.deps.transport.offerSections.values()) {
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
    const info = this.pendingByCid.get(cid);
    const mid = this.midByCid.get(cid);
    if (!info || mid === undefined) return;
    const transceiver = this.deps.transport.transceiverByMid(mid);
    if (!transceiver) return;
    this.pendingByCid.delete(cid);
    info.mid = mid;
    const track = new PublishedTrack(info, cid, this.deps.publisherSid, transceiver, isVp8KeyframeStart);
    track.on('live', () => this.events.emit('live', track));
    this.published.set(track.sid, track);
    this.trackByMid.set(mid, track);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.deps.isClosed()) track.markLive();
    }, PUBLISH_WITHOUT_MEDIA_MS);
    this.timers.add(timer);
  }

  mute(req: MuteTrackRequest): void {
    const track = this.published.get(req.sid);
    if (!track || track.info.muted === req.muted) return;
    track.info.muted = req.muted;
    if (track.live) this.events.emit('muteChanged', track);
  }

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
    if (notifyClient) this.deps.send({ case: 'trackUnpublished', value: new TrackUnpublishedResponse({ trackSid: track.sid }) });
    this.events.emit('unpublished', { track, wasLive });
  }

  /** After a permission change: unpublishes (on the client too) and forgets what is no longer allowed. */
  dropDisallowed(): void {
    for (const track of [...this.published.values()]) {
      if (!this.sourceAllowed(track.info.source)) this.unpublish(track, true);
    }
    for (const [cid, info] of [...this.pendingByCid]) {
      if (!this.sourceAllowed(info.source)) this.pendingByCid.delete(cid);
    }
  }

  /** Unpublishes everything (the participant leaves). */
  unpublishAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    for (const track of [...this.published.values()]) this.unpublish(track, false);
  }
}
