import { describe, expect, it } from 'vitest';
import { outboundRates, sampleOutbound, uplinkQuality, type OutboundEntry, type OutboundSample } from './localStats';

function entry(over: Partial<OutboundEntry> & { id: string }): OutboundEntry {
  return { kind: 'video', source: 'screen_share', bytesSent: 0, framesSent: 0, framesPerSecond: null, frameWidth: 0, ...over };
}

describe('outboundRates', () => {
  it('sums the bytes of every stream over the interval', () => {
    const prev: OutboundSample = {
      at: 1000,
      entries: [entry({ id: 'a', bytesSent: 1000 }), entry({ id: 'm', kind: 'audio', source: 'microphone', bytesSent: 500 })],
    };
    const next: OutboundSample = {
      at: 3000,
      entries: [entry({ id: 'a', bytesSent: 251_000 }), entry({ id: 'm', kind: 'audio', source: 'microphone', bytesSent: 8500 })],
    };
    // (250000 + 8000) bytes * 8 / 2 s = 1032 kbps
    expect(outboundRates(prev, next, 'screen_share').bitrateKbps).toBe(1032);
  });

  it('skips a layer that appeared or restarted between samples', () => {
    const prev: OutboundSample = { at: 0, entries: [entry({ id: 'a', bytesSent: 9000 })] };
    const next: OutboundSample = { at: 1000, entries: [entry({ id: 'a', bytesSent: 10 }), entry({ id: 'b', bytesSent: 125_000 })] };
    expect(outboundRates(prev, next, 'screen_share').bitrateKbps).toBe(0);
  });

  it('reports the fps of the largest layer of the main source', () => {
    const prev: OutboundSample = { at: 0, entries: [] };
    const next: OutboundSample = {
      at: 1000,
      entries: [
        entry({ id: 'q', frameWidth: 320, framesPerSecond: 15 }),
        entry({ id: 'f', frameWidth: 1280, framesPerSecond: 29.6 }),
        entry({ id: 'c', source: 'camera', frameWidth: 1920, framesPerSecond: 24 }),
      ],
    };
    expect(outboundRates(prev, next, 'screen_share').fps).toBe(30);
    expect(outboundRates(prev, next, 'camera').fps).toBe(24);
  });

  it('falls back to frames sent over time, then to any video, then to null', () => {
    const prev: OutboundSample = {
      at: 0,
      entries: [entry({ id: 'c', source: 'camera', framesSent: 100, frameWidth: 640, bytesSent: 1000 })],
    };
    const next: OutboundSample = {
      at: 2000,
      entries: [entry({ id: 'c', source: 'camera', framesSent: 150, frameWidth: 640, bytesSent: 90_000 })],
    };
    expect(outboundRates(prev, next, 'screen_share').fps).toBe(25);
    expect(outboundRates(prev, { at: 2000, entries: [] }, 'camera').fps).toBeNull();
  });

  it('returns zero for a non-positive interval', () => {
    const sample: OutboundSample = { at: 5, entries: [entry({ id: 'a', bytesSent: 10 })] };
    expect(outboundRates(sample, sample, 'camera')).toEqual({ bitrateKbps: 0, fps: null });
  });
});

describe('outboundRates with paused layers', () => {
  it('ignores a simulcast layer that sent nothing in the interval', () => {
    const prev: OutboundSample = {
      at: 0,
      entries: [
        entry({ id: 'h', frameWidth: 1280, bytesSent: 500, framesPerSecond: 0 }),
        entry({ id: 'q', frameWidth: 640, bytesSent: 100 }),
      ],
    };
    const next: OutboundSample = {
      at: 1000,
      entries: [
        entry({ id: 'h', frameWidth: 1280, bytesSent: 500, framesPerSecond: 0 }),
        entry({ id: 'q', frameWidth: 640, bytesSent: 9000, framesPerSecond: 15 }),
      ],
    };
    expect(outboundRates(prev, next, 'screen_share').fps).toBe(15);
  });
});

describe('uplinkQuality', () => {
  it('grades loss and round-trip time reported by the receiving end', () => {
    expect(uplinkQuality({ at: 0, entries: [] })).toBe('unknown');
    expect(uplinkQuality({ at: 0, entries: [], remote: { fractionLost: 0, roundTripTime: null } })).toBe('unknown');
    expect(uplinkQuality({ at: 0, entries: [], remote: { fractionLost: 0.01, roundTripTime: 0.03 } })).toBe('excellent');
    expect(uplinkQuality({ at: 0, entries: [], remote: { fractionLost: 0.03, roundTripTime: 0.1 } })).toBe('good');
    expect(uplinkQuality({ at: 0, entries: [], remote: { fractionLost: 0.2, roundTripTime: 0.1 } })).toBe('poor');
  });
});

describe('sampleOutbound', () => {
  const sender = (stats: Record<string, unknown>[]) =>
    ({ getStats: async () => new Map(stats.map((stat, i) => [String(i), stat])) }) as unknown as RTCRtpSender;

  it('reads what the connection can carry from the candidate pair in use', async () => {
    const sample = await sampleOutbound(
      [
        {
          source: 'microphone',
          sender: sender([
            { type: 'candidate-pair', availableOutgoingBitrate: 2_500_400 },
            { type: 'candidate-pair', state: 'failed' },
          ]),
        },
        { source: 'camera', sender: sender([{ type: 'outbound-rtp', id: 'v', kind: 'video', bytesSent: 10 }]) },
      ],
      0,
    );
    expect(sample.availableOutgoingKbps).toBe(2500);
    expect(sample.entries).toHaveLength(1);
  });

  it('says null when the browser gives no estimate', async () => {
    const sample = await sampleOutbound([{ source: 'camera', sender: sender([{ type: 'candidate-pair', state: 'succeeded' }]) }], 0);
    expect(sample.availableOutgoingKbps).toBeNull();
  });
});
