import { TrackInfo, TrackType, VideoQuality } from '@livekit/protocol';
import { describe, expect, it } from 'vitest';
import { Event, MediaStreamTrack, RtpHeader, RtpPacket, type RTCRtpTransceiver } from 'werift';
import { DownTrack } from './forwarder';
import { PublishedTrack } from './publishedTrack';
import { isVp8KeyframeStart } from './vp8';

const KEY = Buffer.from([0x10, 0x00, 0xaa]);
const DELTA = Buffer.from([0x10, 0x01, 0xbb]);

/** A publisher-side transceiver with simulcast layers q and h, driven by hand. */
function fakePublisher(): {
  transceiver: RTCRtpTransceiver;
  layers: { q: MediaStreamTrack; h: MediaStreamTrack };
  plis: number[];
} {
  const layers = {
    q: new MediaStreamTrack({ kind: 'video', rid: 'q', remote: true }),
    h: new MediaStreamTrack({ kind: 'video', rid: 'h', remote: true }),
  };
  const plis: number[] = [];
  const receiver = { tracks: Object.values(layers), sendRtcpPLI: async (ssrc: number) => void plis.push(ssrc) };
  return { transceiver: { receiver } as unknown as RTCRtpTransceiver, layers, plis };
}

/** A subscriber-side transceiver whose sender records what it is asked to send. */
function fakeSubscriber(): { transceiver: RTCRtpTransceiver; sent: RtpPacket[] } {
  const sent: RtpPacket[] = [];
  const sender = {
    ssrc: 4242,
    codec: { payloadType: 96 },
    dtlsTransport: { state: 'connected' },
    onPictureLossIndication: new Event<[]>(),
    onRtcp: new Event<[unknown]>(),
    streamId: '',
    sendRtp: async (p: RtpPacket) => void sent.push(p),
  };
  return { transceiver: { sender, setDirection: () => undefined } as unknown as RTCRtpTransceiver, sent };
}

function packet(ssrc: number, seq: number, ts: number, payload: Buffer): RtpPacket {
  return new RtpPacket(new RtpHeader({ ssrc, sequenceNumber: seq, timestamp: ts, payloadType: 100, marker: true }), payload);
}

describe('DownTrack', () => {
  it('starts on a key frame, switches layers only on key frames and keeps seq/ts continuous', () => {
    const pub = fakePublisher();
    const info = new TrackInfo({ sid: 'TR_test', type: TrackType.VIDEO });
    const track = new PublishedTrack(info, 'cid', 'PA_pub', pub.transceiver, isVp8KeyframeStart);
    const sub = fakeSubscriber();
    const down = new DownTrack(track, 'PA_sub');
    down.bind(sub.transceiver, 'PA_pub|TR_test');
    down.updateSettings(false, VideoQuality.LOW);

    const q = pub.layers.q;
    const h = pub.layers.h;
    // Delta frames before any key frame are held back and a key frame is requested.
    q.onReceiveRtp.execute(packet(1, 100, 9000, DELTA));
    expect(sub.sent).toHaveLength(0);
    expect(pub.plis).toContain(1);
    q.onReceiveRtp.execute(packet(1, 101, 12000, KEY));
    q.onReceiveRtp.execute(packet(1, 102, 15000, DELTA));
    h.onReceiveRtp.execute(packet(2, 5000, 777000, DELTA));
    expect(sub.sent.map((p) => p.header.sequenceNumber)).toEqual([101, 102]);

    // Ask for the best layer: h keeps being dropped until its key frame, q is forwarded meanwhile.
    down.updateSettings(false, VideoQuality.HIGH);
    h.onReceiveRtp.execute(packet(2, 5001, 780000, DELTA));
    q.onReceiveRtp.execute(packet(1, 103, 18000, DELTA));
    h.onReceiveRtp.execute(packet(2, 5002, 783000, KEY));
    h.onReceiveRtp.execute(packet(2, 5003, 786000, DELTA));
    q.onReceiveRtp.execute(packet(1, 104, 21000, DELTA));

    const seqs = sub.sent.map((p) => p.header.sequenceNumber);
    expect(seqs).toEqual([101, 102, 103, 104, 105]);
    const ts = sub.sent.map((p) => p.header.timestamp);
    for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeGreaterThan(ts[i - 1] as number);
    // After the switch the h packets keep their own spacing (3000 ticks).
    expect((ts[4] as number) - (ts[3] as number)).toBe(3000);
    expect(pub.plis).toContain(2);
    expect(down.describe()).toMatchObject({ current: 'h', target: 'h' });
    down.close();
    track.close();
  });

  it('pauses while disabled and resumes without a sequence gap', () => {
    const pub = fakePublisher();
    const track = new PublishedTrack(
      new TrackInfo({ sid: 'TR_x', type: TrackType.VIDEO }),
      'c',
      'PA_p',
      pub.transceiver,
      isVp8KeyframeStart,
    );
    const sub = fakeSubscriber();
    const down = new DownTrack(track, 'PA_s');
    down.bind(sub.transceiver, 'PA_p|TR_x');
    const q = pub.layers.q;
    q.onReceiveRtp.execute(packet(1, 10, 1000, KEY));
    down.updateSettings(true, VideoQuality.HIGH);
    q.onReceiveRtp.execute(packet(1, 11, 4000, DELTA));
    q.onReceiveRtp.execute(packet(1, 12, 7000, DELTA));
    down.updateSettings(false, VideoQuality.HIGH);
    q.onReceiveRtp.execute(packet(1, 13, 10000, DELTA));
    q.onReceiveRtp.execute(packet(1, 14, 13000, KEY));
    expect(sub.sent.map((p) => p.header.sequenceNumber)).toEqual([10, 11]);
    down.close();
    track.close();
  });
});
