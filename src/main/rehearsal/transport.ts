/**
 * The single werift peer connection of a participant (LiveKit's v1 "single PC" mode): the
 * client always offers, the server always answers. Uplink tracks, downlink tracks and the
 * data channels all live on it.
 */
import {
  RTCPeerConnection,
  RTCRtpReceiver,
  RTP_EXTENSION_URI,
  rtpHeaderExtensionsParser,
  useAbsSendTime,
  useNACK,
  useOPUS,
  usePLI,
  useREMB,
  useRepairedRtpStreamId,
  useSdesMid,
  useSdesRTPStreamId,
  useTransportWideCC,
  useTWCC,
  useVP8,
} from 'werift';
import type { Extensions, RTCDataChannel, RTCRtpTransceiver, RtpPacket } from 'werift';
import { Emitter, type EventArgs } from '../../shared/emitter';
import { log } from './log';
import { parseOfferSections, unrejectInactiveSections, type OfferSection } from './sdp';

/** Internal werift router surface the dev server re-implements (see `installRouting`). */
interface WeriftRouter {
  extIdUriMap: Record<number, string>;
  ssrcTable: Record<number, unknown>;
  routeRtp: (packet: RtpPacket) => void;
}

/** Receiver methods that exist at runtime but are not in werift's public typings. */
interface WeriftReceiverInternals {
  trackByRID: Record<string, unknown>;
  handleRtpByRid(packet: RtpPacket, rid: string, extensions: Extensions): void;
  handleRtpBySsrc(packet: RtpPacket, extensions: Extensions): void;
}

export interface TransportOptions {
  /** Extra host addresses for ICE, e.g. 127.0.0.1 so loopback-only browsers can connect. */
  additionalHostAddresses: string[];
}

export interface TransportEvents {
  /** A binary message on one of the client's data channels (`_reliable`, `_lossy`). */
  data: { label: string; data: Buffer };
  /** The peer connection's state, as werift reports it ('connected', 'failed', ...). */
  connectionState: string;
}

export class RtcTransport {
  readonly pc: RTCPeerConnection;
  readonly channels = new Map<string, RTCDataChannel>();
  /** Direction and msid of each m-section in the latest client offer, keyed by mid. */
  readonly offerSections = new Map<string, OfferSection>();
  private readonly events = new Emitter<TransportEvents>();
  /** Transceivers that have carried a downtrack once; never reused for another track. */
  private readonly retired = new Set<RTCRtpTransceiver>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(options: TransportOptions) {
    this.pc = new RTCPeerConnection({
      iceServers: [],
      iceUseIpv6: false,
      iceAdditionalHostAddresses: options.additionalHostAddresses,
      codecs: {
        // RTX is left out on purpose: werift cannot receive it together with rid simulcast.
        video: [useVP8({ rtcpFeedback: [useNACK(), usePLI(), useREMB(), useTWCC()] })],
        audio: [useOPUS()],
      },
      headerExtensions: {
        // Without mid/rid extensions Chrome sends no rid and simulcast packets cannot be routed.
        video: [useSdesMid(), useSdesRTPStreamId(), useRepairedRtpStreamId(), useAbsSendTime(), useTransportWideCC()],
        audio: [useSdesMid(), useAbsSendTime(), useTransportWideCC()],
      },
    });
    this.installRouting();
    // As an offerer werift recycles transceivers whose negotiated direction is inactive for
    // new ones. As an answerer that replaces a client placeholder section by the next new
    // m-line and breaks the answer, so every transceiver is flagged as not recyclable.
    this.pc.onTransceiverAdded.subscribe((t) => {
      t.usedForSender = true;
    });
    this.pc.onDataChannel.subscribe((dc) => {
      this.channels.set(dc.label, dc);
      dc.onMessage.subscribe((data) => {
        if (typeof data === 'string') return;
        this.events.emit('data', { label: dc.label, data });
      });
    });
    this.pc.connectionStateChange.subscribe((state) => this.events.emit('connectionState', state));
  }

  on<E extends keyof TransportEvents>(event: E, listener: (...args: EventArgs<TransportEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }

  /**
   * werift routes rid-tagged packets through one rid table per connection, so two simulcast
   * tracks on one connection (camera and screen share, both using q/h) would collide. This
   * routes by (mid, rid) instead and learns the SSRC of each layer from its first packet.
   */
  private installRouting(): void {
    const router = (this.pc as unknown as { router: WeriftRouter }).router;
    router.routeRtp = (packet: RtpPacket) => {
      try {
        const ext = rtpHeaderExtensionsParser(packet.header.extensions, router.extIdUriMap);
        const ssrc = packet.header.ssrc;
        const mid = ext[RTP_EXTENSION_URI.sdesMid];
        const rid = ext[RTP_EXTENSION_URI.sdesRTPStreamID];
        let receiver = router.ssrcTable[ssrc];
        if (!(receiver instanceof RTCRtpReceiver) && typeof mid === 'string') {
          receiver = this.pc.getTransceivers().find((t) => t.mid === mid)?.receiver;
          if (
            receiver instanceof RTCRtpReceiver &&
            (typeof rid !== 'string' || (receiver as unknown as WeriftReceiverInternals).trackByRID[rid])
          ) {
            router.ssrcTable[ssrc] = receiver;
          }
        }
        if (!(receiver instanceof RTCRtpReceiver)) return;
        const internals = receiver as unknown as WeriftReceiverInternals;
        if (typeof rid === 'string' && internals.trackByRID[rid]) internals.handleRtpByRid(packet, rid, ext);
        else internals.handleRtpBySsrc(packet, ext);
      } catch (err) {
        log.warn('RTP routing error', (err as Error).message);
      }
    };
  }

  /** Runs `task` after every previously queued negotiation step (offers must not interleave). */
  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    // The caller gets the failure through `run`; the queue only has to move on to the next step.
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies a client offer and produces the answer. `beforeAnswer` runs between the two so
   * the caller can bind downtracks to placeholder sections and have them in this answer.
   */
  async answer(offerSdp: string, beforeAnswer: () => void): Promise<string> {
    if (this.closed) throw new Error('transport closed');
    const sections = parseOfferSections(offerSdp);
    await this.pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
    this.offerSections.clear();
    for (const s of sections) if (s.mid) this.offerSections.set(s.mid, s);
    beforeAnswer();
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    const sdp = this.pc.localDescription?.sdp ?? answer.sdp;
    return unrejectInactiveSections(sdp);
  }

  /** Client placeholder sections (recvonly in the latest offer) still free for a downtrack. */
  freePlaceholders(kind: 'audio' | 'video', bound: ReadonlySet<RTCRtpTransceiver>): RTCRtpTransceiver[] {
    return this.pc.getTransceivers().filter((t) => {
      if (t.kind !== kind || !t.mid || bound.has(t) || this.retired.has(t)) return false;
      return this.offerSections.get(t.mid)?.direction === 'recvonly';
    });
  }

  /** Marks a transceiver as used up after its downtrack ended. */
  retire(t: RTCRtpTransceiver): void {
    this.retired.add(t);
    t.setDirection('inactive');
  }

  /** "local -> remote" addresses of the selected ICE pair, for diagnostics. */
  selectedPair(): string | undefined {
    const pair = this.pc.iceTransports[0]?.connection.nominated;
    if (!pair) return undefined;
    return `${pair.localCandidate.host}:${pair.localCandidate.port} -> ${pair.remoteCandidate.host}:${pair.remoteCandidate.port} (${pair.remoteCandidate.type})`;
  }

  transceiverByMid(mid: string): RTCRtpTransceiver | undefined {
    return this.pc.getTransceivers().find((t) => t.mid === mid);
  }

  async addCandidate(candidateInit: string): Promise<void> {
    if (this.closed) return;
    const parsed: unknown = JSON.parse(candidateInit);
    if (typeof parsed !== 'object' || parsed === null) throw new Error('candidate is not an object');
    await this.pc.addIceCandidate(parsed);
  }

  /** Sends on the data channel with `label` if it is open; returns whether it was sent. */
  sendData(label: string, data: Uint8Array): boolean {
    const dc = this.channels.get(label);
    if (!dc || dc.readyState !== 'open') return false;
    try {
      dc.send(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      return true;
    } catch (err) {
      log.warn(`sending on data channel ${label} failed`, (err as Error).message);
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pc.close().catch((err: unknown) => log.warn('closing a peer connection failed', err));
  }
}
