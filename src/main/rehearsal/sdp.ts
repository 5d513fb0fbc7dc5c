/**
 * Minimal SDP inspection and munging. werift parses SDP itself; the dev server only needs
 * a few facts per m-section of the client's offer to correlate publications, and one fix
 * to werift's answers.
 */

/** What the dev server needs to know about one m-section of a client offer. */
export interface OfferSection {
  index: number;
  kind: string;
  mid: string;
  direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
  /** msid track id (livekit-client uses the MediaStreamTrack id, i.e. the AddTrackRequest cid). */
  msidTrackId: string | undefined;
  port: number;
}

/** Splits an SDP into its m-sections and extracts mid, direction, msid and port. */
export function parseOfferSections(sdp: string): OfferSection[] {
  const lines = sdp.split(/\r?\n/);
  const out: OfferSection[] = [];
  let cur: OfferSection | undefined;
  for (const line of lines) {
    if (line.startsWith('m=')) {
      const parts = line.slice(2).split(' ');
      cur = {
        index: out.length,
        kind: parts[0] ?? '',
        mid: '',
        direction: 'sendrecv',
        msidTrackId: undefined,
        port: Number(parts[1] ?? 0),
      };
      out.push(cur);
      continue;
    }
    if (!cur) continue;
    if (line.startsWith('a=mid:')) cur.mid = line.slice(6).trim();
    else if (line === 'a=sendrecv' || line === 'a=sendonly' || line === 'a=recvonly' || line === 'a=inactive') {
      cur.direction = line.slice(2) as OfferSection['direction'];
    } else if (line.startsWith('a=msid:')) {
      const [, trackId] = line.slice(7).trim().split(' ');
      if (trackId && trackId !== '-') cur.msidTrackId = trackId;
    }
  }
  return out;
}

/**
 * werift answers `inactive` m-sections with port 0, which Chrome reads as "rejected" and stops
 * the transceiver for good. LiveKit needs those placeholder sections to stay usable, so the
 * port is rewritten to the usual discard port 9 (the `a=inactive` attribute is kept).
 */
export function unrejectInactiveSections(sdp: string): string {
  return sdp.replace(/^m=(audio|video) 0 /gm, 'm=$1 9 ');
}
