/**
 * DownTrack: forwards one PublishedTrack to one subscriber.
 *
 * It picks a single simulcast layer (the best one the subscriber asked for that is currently
 * sending), switches layers only on key frames, and rewrites sequence numbers and timestamps
 * itself so the subscriber sees one continuous stream. werift's own discontinuity handling in
 * RTCRtpSender.replaceRTP truncates the timestamp offset, so it is deliberately not used: the
 * sender's internal offsets stay at zero and every packet handed to it is already final.
 */
import { VideoQuality } from '@livekit/protocol';
import { RtcpRrPacket, RtcpSrPacket, RtpHeader, RtpPacket } from 'werift';
import type { RTCRtpTransceiver, RtcpPacket } from 'werift';
import { log } from './log';
import type { Layer, LayerPacket, PublishedTrack } from './publishedTrack';

const U16 = 0x10000;
const U32 = 0x100000000;

/** How often a waiting subscriber re-asks the publisher for a key frame. */
const KEYFRAME_RETRY_MS = 500;
/** How long a layer switch may wait for the target layer's key frame. */
const KEYFRAME_SWITCH_TIMEOUT_MS = 2500;
/** How long a layer that failed to deliver a key frame is skipped. */
const STALLED_LAYER_BACKOFF_MS = 5000;

export class DownTrack {
  transceiver: RTCRtpTransceiver | undefined;
  /** Quality requested with UpdateTrackSettings (HIGH by default, like livekit-server). */
  maxQuality: VideoQuality = VideoQuality.HIGH;
  /** UpdateTrackSettings.disabled: forward nothing while set. */
  disabled = false;
  closed = false;
  /** Number of packets handed to the werift sender (for tests and the benchmark). */
  packetsSent = 0;

  private current: Layer | undefined;
  private target: Layer | undefined;
  /** When the pending switch to `target` started. */
  private targetSince = 0;
  /** Layers that did not deliver a key frame in time, skipped until the given time. */
  private readonly stalled = new Map<Layer, number>();
  private seqOffset = 0;
  private tsOffset = 0;
  private lastOutSeq = -1;
  private lastOutTs = 0;
  private lastOutAt = 0;
  private clockRate: number;
  /** Set once the subscriber sent an RTCP report for this stream, i.e. it is really receiving. */
  private subscriberReporting = false;
  /** True once a key frame went out after the subscriber was known to be receiving. */
  private keyframeConfirmed: boolean;
  private lastKeyframeRequest = 0;
  private lastKeyframeLayer: Layer | undefined;
  private readonly cleanups: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly track: PublishedTrack,
    readonly subscriberSid: string,
  ) {
    this.clockRate = track.isVideo ? 90000 : 48000;
    this.keyframeConfirmed = !track.isVideo;
  }

  get trackSid(): string {
    return this.track.sid;
  }

  get kind(): 'audio' | 'video' {
    return this.track.isVideo ? 'video' : 'audio';
  }

  /** Attaches this DownTrack to a subscriber transceiver and starts forwarding. */
  bind(transceiver: RTCRtpTransceiver, streamId: string): void {
    this.transceiver = transceiver;
    const sender = transceiver.sender;
    // The msid LiveKit clients expect: "<participant sid>|<track sid> <track sid>".
    Object.defineProperty(sender, 'trackId', { value: this.track.sid, writable: true, configurable: true });
    sender.streamId = streamId;
    transceiver.setDirection('sendonly');
    const pli = sender.onPictureLossIndication.subscribe(() => this.requestKeyframe(true));
    const rtcp = sender.onRtcp.subscribe((packet) => this.onSubscriberRtcp(packet));
    this.cleanups.push(
      pli.unSubscribe,
      rtcp.unSubscribe,
      this.track.on('packet', (p) => this.forward(p)),
    );
    if (this.track.isVideo) {
      this.timer = setInterval(() => this.tick(), KEYFRAME_RETRY_MS);
      this.timer.unref();
    }
  }

  /** Applies a subscriber's UpdateTrackSettings. */
  updateSettings(disabled: boolean, quality: VideoQuality): void {
    const wasDisabled = this.disabled;
    this.disabled = disabled || quality === VideoQuality.OFF;
    this.maxQuality = quality === VideoQuality.OFF ? VideoQuality.LOW : quality;
    if (wasDisabled && !this.disabled) {
      // Resume like a layer switch: wait for a key frame and continue the outgoing sequence
      // numbers, so the pause does not look like packet loss to the subscriber.
      this.current = undefined;
      this.target = undefined;
    }
    this.tick();
  }

  private ready(): boolean {
    const sender = this.transceiver?.sender;
    return !!sender && !!sender.codec && sender.dtlsTransport?.state === 'connected';
  }

  /** Chooses the layer to forward: the best active one not above the requested quality. */
  private chooseTarget(): Layer | undefined {
    const now = Date.now();
    const active = this.track.activeLayers(now).filter((l) => (this.stalled.get(l) ?? 0) < now);
    if (active.length === 0) return this.current ?? [...this.track.layers.values()][0];
    let best: Layer | undefined;
    for (const l of active) if (l.quality <= this.maxQuality) best = l;
    return best ?? active[0];
  }

  private tick(): void {
    if (this.closed || this.disabled || !this.ready()) return;
    const now = Date.now();
    // A layer can look active while its encoder is being paused by the publisher's bandwidth
    // estimate; if it yields no key frame in time, fall back to the next best layer for a while.
    if (this.target && this.current && this.target !== this.current && now - this.targetSince > KEYFRAME_SWITCH_TIMEOUT_MS) {
      this.stalled.set(this.target, now + STALLED_LAYER_BACKOFF_MS);
    }
    const next = this.chooseTarget();
    if (next && next !== this.target) {
      this.target = next;
      this.targetSince = now;
    }
    const needKeyframe = (this.target && this.target !== this.current) || !this.keyframeConfirmed;
    if (needKeyframe) this.requestKeyframe(false);
  }

  /** Current and target layer ids, for diagnostics. */
  describe(): { current: string | undefined; target: string | undefined; packetsSent: number } {
    return { current: this.current?.rid, target: this.target?.rid, packetsSent: this.packetsSent };
  }

  private requestKeyframe(fromSubscriber: boolean): void {
    const layer = this.target ?? this.current;
    if (!layer) return;
    const now = Date.now();
    // Retries for the same layer are spaced out; a request for a new layer goes out at once.
    const retry = layer === this.lastKeyframeLayer && now - this.lastKeyframeRequest < KEYFRAME_RETRY_MS;
    if (!fromSubscriber && retry) return;
    if (this.track.requestKeyframe(layer)) {
      this.lastKeyframeRequest = now;
      this.lastKeyframeLayer = layer;
    }
  }

  /**
   * Key frames sent before the subscriber applied its answer are lost, and a Chrome subscriber
   * does not ask for one until media flows. So a key frame only counts once it was sent after
   * the subscriber's first receiver report for this stream; until then the retry timer keeps
   * asking the publisher.
   */
  private onSubscriberRtcp(packet: RtcpPacket): void {
    if (this.subscriberReporting || !this.transceiver) return;
    if (!(packet instanceof RtcpRrPacket) && !(packet instanceof RtcpSrPacket)) return;
    const ssrc = this.transceiver.sender.ssrc;
    if (packet.reports.some((r) => r.ssrc === ssrc)) {
      this.subscriberReporting = true;
      if (!this.keyframeConfirmed) this.requestKeyframe(true);
    }
  }

  /** One subscriber's failure must not stop the packet reaching the others. */
  private forward({ layer, packet, isKeyframe }: LayerPacket): void {
    try {
      this.onPacket(layer, packet, isKeyframe);
    } catch (err) {
      log.error('forwarding failed', err);
    }
  }

  onPacket(layer: Layer, packet: RtpPacket, isKeyframe: boolean): void {
    if (this.closed || this.disabled || !this.transceiver || !this.ready()) return;
    if (!this.track.isVideo) {
      if (!this.current) this.switchTo(layer, packet);
      if (layer === this.current) this.send(packet, false);
      return;
    }
    if (!this.target) {
      this.target = this.chooseTarget();
      this.targetSince = Date.now();
    }
    if (layer === this.target && layer !== this.current) {
      if (!isKeyframe) {
        this.requestKeyframe(false);
        if (this.current) this.sendIfCurrent(layer, packet, false);
        return;
      }
      this.switchTo(layer, packet);
    }
    this.sendIfCurrent(layer, packet, isKeyframe);
  }

  private sendIfCurrent(layer: Layer, packet: RtpPacket, isKeyframe: boolean): void {
    if (layer !== this.current) return;
    this.send(packet, isKeyframe);
  }

  /** Re-bases seq/ts so the first packet of the new source follows the last one sent. */
  private switchTo(layer: Layer, first: RtpPacket): void {
    const h = first.header;
    if (this.lastOutSeq < 0) {
      this.seqOffset = 0;
      this.tsOffset = 0;
    } else {
      const elapsedTicks = Math.max(1, Math.round(((Date.now() - this.lastOutAt) * this.clockRate) / 1000));
      this.seqOffset = (this.lastOutSeq + 1 - h.sequenceNumber + U16 * 2) % U16;
      this.tsOffset = (this.lastOutTs + elapsedTicks - h.timestamp + U32 * 2) % U32;
    }
    this.current = layer;
  }

  private send(packet: RtpPacket, isKeyframe: boolean): void {
    const sender = this.transceiver?.sender;
    if (!sender) return;
    const src = packet.header;
    const seq = (src.sequenceNumber + this.seqOffset) % U16;
    const ts = (src.timestamp + this.tsOffset) % U32;
    // A fresh header per subscriber: werift's sender mutates the header it is given, and the
    // publisher's header extension ids mean nothing on the subscriber's connection.
    const header = new RtpHeader({
      marker: src.marker,
      payloadType: src.payloadType,
      sequenceNumber: seq,
      timestamp: ts,
      ssrc: src.ssrc,
      padding: src.padding,
      paddingSize: src.paddingSize,
      extensions: [],
    });
    const forwardIsNewer = this.lastOutSeq < 0 || (seq - this.lastOutSeq + U16) % U16 < 0x8000;
    if (forwardIsNewer) {
      this.lastOutSeq = seq;
      this.lastOutTs = ts;
      this.lastOutAt = Date.now();
    }
    if (isKeyframe && this.subscriberReporting) this.keyframeConfirmed = true;
    this.packetsSent++;
    // A packet the closing connection cannot send is simply lost, as on the network.
    sender.sendRtp(new RtpPacket(header, packet.payload)).catch(() => undefined);
  }

  /** Stops forwarding; the caller is responsible for the transceiver's direction. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const c of this.cleanups) c();
    this.cleanups.length = 0;
  }
}
