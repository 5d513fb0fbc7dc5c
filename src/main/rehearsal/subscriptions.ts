/**
 * The tracks one participant receives: a DownTrack per subscribed track, bound to one of the
 * client's receive placeholder sections. The server cannot offer in single-PC mode, so it asks the
 * client for more sections with MediaSectionsRequirement and binds waiting DownTracks in the next offer.
 */
import { MediaSectionsRequirement, type UpdateTrackSettings } from '@livekit/protocol';
import type { RTCRtpTransceiver } from 'werift';
import { Emitter, type EventArgs } from '../../shared/emitter';
import { debugLog } from './debugLog';
import { DownTrack } from './forwarder';
import { log } from './log';
import { MEDIA_SECTIONS_BATCH_MS } from './limits';
import type { PublishedTrack } from './publishedTrack';
import type { SubscriptionChange, TrackLookup } from './roomContracts';
import type { SignalMessage } from './signalConnection';
import type { RtcTransport } from './transport';

export interface SubscriptionsDeps {
  subscriberSid: string;
  /** Names the participant in traces. */
  identity: string;
  transport: RtcTransport;
  send(message: SignalMessage): void;
  isClosed(): boolean;
  canSubscribe(): boolean;
  findTrack(trackSid: string): TrackLookup | undefined;
}

export interface SubscriptionEvents {
  /** A DownTrack got bound to a section and forwards from now on. */
  bound: DownTrack;
}

export class Subscriptions {
  /** Subscriptions by track sid. */
  readonly downTracks = new Map<string, DownTrack>();
  /** DownTracks waiting for a free receive section. */
  private readonly unbound: DownTrack[] = [];
  private mediaSectionsTimer: NodeJS.Timeout | undefined;
  private forceMediaSections = false;
  private readonly events = new Emitter<SubscriptionEvents>();

  constructor(private readonly deps: SubscriptionsDeps) {}

  on<E extends keyof SubscriptionEvents>(event: E, listener: (...args: EventArgs<SubscriptionEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }

  get hasWaiting(): boolean {
    return this.unbound.length > 0;
  }

  /** Starts forwarding `track` to this participant. */
  subscribe(track: PublishedTrack): void {
    if (this.deps.isClosed() || !this.deps.canSubscribe() || this.downTracks.has(track.sid)) return;
    const dt = new DownTrack(track, this.deps.subscriberSid);
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
      this.deps.transport.retire(dt.transceiver);
      this.requestMediaSections(true);
    }
  }

  unsubscribeAll(): void {
    for (const sid of [...this.downTracks.keys()]) this.unsubscribe(sid);
  }

  /** Applies UpdateSubscription (from the client or RoomService); one's own tracks are skipped. */
  update(change: SubscriptionChange): void {
    const sids = new Set(change.trackSids);
    for (const pt of change.participantTracks) for (const s of pt.trackSids) sids.add(s);
    for (const sid of sids) {
      if (change.subscribe) {
        const found = this.deps.findTrack(sid);
        if (found && found.publisher.sid !== this.deps.subscriberSid) this.subscribe(found.track);
      } else {
        this.unsubscribe(sid);
      }
    }
  }

  applySettings(req: UpdateTrackSettings): void {
    for (const sid of req.trackSids) this.downTracks.get(sid)?.updateSettings(req.disabled, req.quality);
  }

  /** mid → track sid of the bound DownTracks, sent with each answer. */
  midToTrackId(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const dt of this.downTracks.values()) {
      const mid = dt.transceiver?.mid;
      if (mid && !dt.closed) out[mid] = dt.trackSid;
    }
    return out;
  }

  private boundTransceivers(): Set<RTCRtpTransceiver> {
    const bound = new Set<RTCRtpTransceiver>();
    for (const dt of this.downTracks.values()) if (dt.transceiver) bound.add(dt.transceiver);
    return bound;
  }

  /** Binds waiting DownTracks to free client placeholder sections (runs inside an offer). */
  bindWaiting(): void {
    const bound = this.boundTransceivers();
    for (const dt of [...this.unbound]) {
      const free = this.deps.transport.freePlaceholders(dt.kind, bound)[0];
      if (!free) continue;
      bound.add(free);
      this.unbound.splice(this.unbound.indexOf(dt), 1);
      dt.bind(free, `${dt.track.publisherSid}|${dt.trackSid}`);
      this.events.emit('bound', dt);
    }
  }

  /**
   * Tells the client how many extra receive sections it needs; it adds them (possibly zero) and
   * sends a new offer, in which the waiting DownTracks get bound. Batched so several subscriptions
   * share one negotiation.
   */
  requestMediaSections(force = false): void {
    if (force) this.forceMediaSections = true;
    if (this.mediaSectionsTimer || this.deps.isClosed()) return;
    this.mediaSectionsTimer = setTimeout(() => {
      this.mediaSectionsTimer = undefined;
      // Queued behind any offer being answered: that answer may already bind the waiting
      // DownTracks, and the client must not get a requirement before its first answer.
      this.deps.transport
        .enqueue(async () => this.sendRequirement())
        .catch((err: unknown) => log.error(`media sections request to ${this.deps.identity} failed`, err));
    }, MEDIA_SECTIONS_BATCH_MS);
  }

  private sendRequirement(): void {
    const forced = this.forceMediaSections;
    this.forceMediaSections = false;
    if (this.deps.isClosed() || (this.unbound.length === 0 && !forced)) return;
    const bound = this.boundTransceivers();
    const need = (kind: 'audio' | 'video'): number => {
      const waiting = this.unbound.filter((d) => d.kind === kind).length;
      return Math.max(0, waiting - this.deps.transport.freePlaceholders(kind, bound).length);
    };
    debugLog(this.deps.identity, 'media sections', need('audio'), need('video'));
    this.deps.send({
      case: 'mediaSectionsRequirement',
      value: new MediaSectionsRequirement({ numAudios: need('audio'), numVideos: need('video') }),
    });
  }

  /** Stops every DownTrack (the participant leaves); transceivers go with the transport. */
  close(): void {
    if (this.mediaSectionsTimer) clearTimeout(this.mediaSectionsTimer);
    for (const dt of this.downTracks.values()) dt.close();
    this.downTracks.clear();
  }
}
