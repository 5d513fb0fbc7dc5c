import { describe, expect, it } from 'vitest';
import { parseOfferSections, unrejectInactiveSections } from './sdp';
import { isVp8KeyframeStart } from './vp8';

describe('isVp8KeyframeStart', () => {
  it('recognises key frames with and without the extended descriptor', () => {
    // X=1 S=1 PID=0; I=1 with a 15-bit picture id; payload header P bit = 0 (key frame)
    expect(isVp8KeyframeStart(Uint8Array.from([0x90, 0x80, 0x81, 0x23, 0x10, 0x02, 0x00]))).toBe(true);
    expect(isVp8KeyframeStart(Uint8Array.from([0x10, 0x50]))).toBe(true);
  });
  it('rejects delta frames, continuation packets and empty payloads', () => {
    expect(isVp8KeyframeStart(Uint8Array.from([0x90, 0x80, 0x81, 0x23, 0x11]))).toBe(false);
    expect(isVp8KeyframeStart(Uint8Array.from([0x80, 0x80, 0x81, 0x23, 0x10]))).toBe(false);
    expect(isVp8KeyframeStart(new Uint8Array())).toBe(false);
  });
});

describe('sdp helpers', () => {
  const offer = [
    'v=0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111',
    'a=mid:0',
    'a=recvonly',
    'm=video 9 UDP/TLS/RTP/SAVPF 96',
    'a=mid:1',
    'a=sendonly',
    'a=msid:stream-1 track-abc',
    'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
    'a=mid:2',
    '',
  ].join('\r\n');

  it('extracts mid, direction and msid track id per m-section', () => {
    expect(parseOfferSections(offer).map((s) => [s.kind, s.mid, s.direction, s.msidTrackId])).toEqual([
      ['audio', '0', 'recvonly', undefined],
      ['video', '1', 'sendonly', 'track-abc'],
      ['application', '2', 'sendrecv', undefined],
    ]);
  });

  it('turns port-0 audio/video sections into port 9 and leaves the rest alone', () => {
    const answer = 'm=audio 0 UDP/TLS/RTP/SAVPF 111\r\na=inactive\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\nm=application 0 UDP/DTLS/SCTP x\r\n';
    expect(unrejectInactiveSections(answer)).toBe(
      'm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=inactive\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\nm=application 0 UDP/DTLS/SCTP x\r\n',
    );
  });
});
