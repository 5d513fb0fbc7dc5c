/**
 * Outgoing bitrate and frame rate for the live bar, from RTCRtpSender.getStats(). Sampling is
 * separated from the arithmetic so the arithmetic can be tested without a browser.
 */

/** One outbound RTP stream (a simulcast layer, or the audio stream) at one moment. */
export interface OutboundEntry {
  /** The stats id: stable per layer between samples. */
  id: string;
  kind: 'audio' | 'video';
  /** Which publication it belongs to: 'screen_share', 'camera', 'microphone'. */
  source: string;
  bytesSent: number;
  framesSent: number;
  framesPerSecond: number | null;
  frameWidth: number;
}

/** Every outbound stream at one moment (milliseconds from performance.now()). */
export interface OutboundSample {
  at: number;
  entries: OutboundEntry[];
  /** What the receiving end (the SFU) reports back: worst loss fraction and round-trip time. */
  remote?: { fractionLost: number; roundTripTime: number | null };
  /**
   * The browser's estimate of what the connection can carry upward right now
   * (`availableOutgoingBitrate` of the candidate pair in use), or null when it gives none.
   */
  availableOutgoingKbps?: number | null;
}

/** What the live bar shows. */
export interface OutboundRates {
  bitrateKbps: number;
  /** Frames per second of the main video (largest layer); null when no video is sent. */
  fps: number | null;
}

/** A sender and the publication source it carries. */
export interface SenderRef {
  source: string;
  sender: RTCRtpSender;
}

/** Reads the outbound-rtp entries of every sender. */
export async function sampleOutbound(senders: SenderRef[], now = performance.now()): Promise<OutboundSample> {
  const entries: OutboundEntry[] = [];
  let remote: NonNullable<OutboundSample['remote']> = { fractionLost: 0, roundTripTime: null };
  let available: number | null = null;
  await Promise.all(
    senders.map(async ({ source, sender }) => {
      const report = await sender.getStats();
      report.forEach((stat: Record<string, unknown>) => {
        // A sender's report includes its transport's candidate pairs; only the pair in use
        // carries the estimate, and every sender shares it, so the largest reading is that one.
        if (stat.type === 'candidate-pair') {
          if (typeof stat.availableOutgoingBitrate === 'number') available = Math.max(available ?? 0, stat.availableOutgoingBitrate / 1000);
          return;
        }
        if (stat.type === 'remote-inbound-rtp') {
          const fractionLost = Math.max(remote.fractionLost, Number(stat.fractionLost ?? 0));
          const rtt = typeof stat.roundTripTime === 'number' ? stat.roundTripTime : null;
          remote = { fractionLost, roundTripTime: rtt === null ? remote.roundTripTime : Math.max(rtt, remote.roundTripTime ?? 0) };
          return;
        }
        if (stat.type !== 'outbound-rtp') return;
        entries.push({
          id: String(stat.id),
          kind: stat.kind === 'audio' ? 'audio' : 'video',
          source,
          bytesSent: Number(stat.bytesSent ?? 0),
          framesSent: Number(stat.framesSent ?? 0),
          framesPerSecond: typeof stat.framesPerSecond === 'number' ? stat.framesPerSecond : null,
          frameWidth: Number(stat.frameWidth ?? 0),
        });
      });
    }),
  );
  return { at: now, entries, remote, availableOutgoingKbps: available === null ? null : Math.round(available) };
}

/**
 * Rates between two samples. Bitrate sums every stream that exists in both samples (a layer
 * that appeared or restarted in between is skipped rather than counted from zero). The frame
 * rate is the largest layer of `mainSource`, falling back to any video.
 */
export function outboundRates(prev: OutboundSample, next: OutboundSample, mainSource: string): OutboundRates {
  const seconds = (next.at - prev.at) / 1000;
  if (seconds <= 0) return { bitrateKbps: 0, fps: null };
  const before = new Map(prev.entries.map((entry) => [entry.id, entry]));
  let bits = 0;
  for (const entry of next.entries) {
    const old = before.get(entry.id);
    if (old && entry.bytesSent >= old.bytesSent) bits += (entry.bytesSent - old.bytesSent) * 8;
  }
  // A simulcast layer the encoder paused (bandwidth, CPU) reports a stale rate; only layers
  // that sent bytes in this interval count.
  const videos = next.entries.filter((entry) => {
    const old = before.get(entry.id);
    return entry.kind === 'video' && (!old || entry.bytesSent > old.bytesSent);
  });
  const candidates = videos.some((entry) => entry.source === mainSource) ? videos.filter((entry) => entry.source === mainSource) : videos;
  const main = candidates.reduce<OutboundEntry | null>((best, entry) => (!best || entry.frameWidth > best.frameWidth ? entry : best), null);
  let fps: number | null = null;
  if (main) {
    const old = before.get(main.id);
    fps = main.framesPerSecond ?? (old ? Math.max(0, (main.framesSent - old.framesSent) / seconds) : null);
  }
  return { bitrateKbps: Math.round(bits / seconds / 1000), fps: fps === null ? null : Math.round(fps) };
}

/** The uplink quality from what the SFU reports back, for servers that send no quality updates. */
export function uplinkQuality(sample: OutboundSample): 'excellent' | 'good' | 'poor' | 'unknown' {
  const remote = sample.remote;
  if (!remote || remote.roundTripTime === null) return 'unknown';
  if (remote.fractionLost < 0.02 && remote.roundTripTime < 0.2) return 'excellent';
  if (remote.fractionLost < 0.05 && remote.roundTripTime < 0.4) return 'good';
  return 'poor';
}
