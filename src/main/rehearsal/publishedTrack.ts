/**
 * A track a participant publishes: its LiveKit TrackInfo plus the werift receive side
 * (one remote MediaStreamTrack per simulcast layer). Packets are fanned out to DownTracks.
 */
import { type TrackInfo, TrackType, VideoQuality } from '@livekit/protocol';
import type { MediaStreamTrack, RTCRtpTransceiver, RtpPacket } from 'werift';
import { Emitter, type EventArgs } from '../../shared/emitter';

/** One received encoding of a track: a simulcast layer (`q`/`h`/`f`) or the only stream. */
export interface Layer {
  rid: string;
  quality: VideoQuality;
  track: MediaStreamTrack;
  /** SSRC learnt from the layer's packets (werift does not set it on rid-based tracks). */
  ssrc: number | undefined;
  /** Last time a packet with a non-empty payload arrived (padding-only probes do not count). */
  lastMediaAt: number;
  packets: number;
}

/** One received packet, as handed to every DownTrack of the track. */
export interface LayerPacket {
  layer: Layer;
  packet: RtpPacket;
  isKeyframe: boolean;
}

export interface PublishedTrackEvents {
  /** Every packet of every layer, for the DownTracks forwarding it. */
  packet: LayerPacket;
  /** The track carries media (or is announced without): others may now hear of it. */
  live: void;
}

const RID_QUALITY: Record<string, VideoQuality> = { q: VideoQuality.LOW, h: VideoQuality.MEDIUM, f: VideoQuality.HIGH };
/** A layer counts as available if it carried media this recently. */
const LAYER_ACTIVE_MS = 1500;
/** Minimum spacing of PLIs sent to the publisher for one layer. */
const PLI_MIN_INTERVAL_MS = 250;

export class PublishedTrack {
  readonly layers = new Map<string, Layer>();
  /** Set once the first media packet arrived; the track is announced to others then. */
  live = false;
  closed = false;
  private readonly events = new Emitter<PublishedTrackEvents>();
  private readonly lastPli = new Map<string, number>();
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    readonly info: TrackInfo,
    /** The client's id for the local track (AddTrackRequest.cid = msid track id in its offers). */
    readonly cid: string,
    readonly publisherSid: string,
    readonly transceiver: RTCRtpTransceiver,
    private readonly keyframeDetector: (payload: Buffer) => boolean,
  ) {
    this.attachLayers();
  }

  on<E extends keyof PublishedTrackEvents>(event: E, listener: (...args: EventArgs<PublishedTrackEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }

  get sid(): string {
    return this.info.sid;
  }

  get isVideo(): boolean {
    return this.info.type === TrackType.VIDEO;
  }

  /** Picks up receive tracks werift created for this m-section (called again after each re-offer). */
  attachLayers(): void {
    for (const track of this.transceiver.receiver.tracks) {
      const rid = track.rid ?? '';
      if (this.layers.has(rid)) continue;
      const layer: Layer = {
        rid,
        quality: RID_QUALITY[rid] ?? VideoQuality.HIGH,
        track,
        ssrc: track.ssrc,
        lastMediaAt: 0,
        packets: 0,
      };
      this.layers.set(rid, layer);
      const { unSubscribe } = track.onReceiveRtp.subscribe((packet) => this.dispatch(layer, packet));
      this.unsubscribers.push(unSubscribe);
    }
  }

  private dispatch(layer: Layer, packet: RtpPacket): void {
    if (this.closed) return;
    layer.packets++;
    layer.ssrc = packet.header.ssrc;
    if (packet.payload.length > 0) {
      layer.lastMediaAt = Date.now();
      if (!this.live) this.markLive();
    }
    // Nobody subscribed: skip the keyframe check and the event object, once per packet.
    if (this.events.listenerCount('packet') === 0) return;
    const isKeyframe = this.isVideo && packet.payload.length > 0 && this.keyframeDetector(packet.payload);
    this.events.emit('packet', { layer, packet, isKeyframe });
  }

  /** Announces the track: on its first media packet, or when it stayed silent too long. */
  markLive(): void {
    if (this.live || this.closed) return;
    this.live = true;
    this.events.emit('live');
  }

  /** Layers currently carrying media, lowest quality first. */
  activeLayers(now = Date.now()): Layer[] {
    return [...this.layers.values()].filter((l) => now - l.lastMediaAt < LAYER_ACTIVE_MS).sort((a, b) => a.quality - b.quality);
  }

  /**
   * Asks the publisher for a key frame on `layer`, throttled so retries do not flood it.
   * Returns false when no request could be made yet (the layer's SSRC is still unknown).
   */
  requestKeyframe(layer: Layer): boolean {
    if (!this.isVideo || this.closed) return false;
    const ssrc = layer.ssrc;
    if (ssrc === undefined) return false;
    const now = Date.now();
    if (now - (this.lastPli.get(layer.rid) ?? 0) < PLI_MIN_INTERVAL_MS) return true;
    this.lastPli.set(layer.rid, now);
    // A lost request needs no report: subscribers keep asking until a key frame arrives.
    this.transceiver.receiver.sendRtcpPLI(ssrc).catch(() => undefined);
    return true;
  }

  close(): void {
    this.closed = true;
    for (const u of this.unsubscribers) u();
    this.unsubscribers.length = 0;
    this.events.clear();
  }
}
