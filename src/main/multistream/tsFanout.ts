/**
 * Splits the encoder's MPEG-TS output into whole 188-byte packets and hands them to every
 * destination. A destination that joins (or rejoins) mid-stream starts at the next video keyframe,
 * preceded by the latest PAT and PMT, so its remux process can read the stream at once instead of
 * probing through seconds of undecodable data.
 */
export const TS_PACKET = 188;
const SYNC = 0x47;

export interface TsSink {
  write(packets: Buffer): void;
}

interface Member {
  sink: TsSink;
  started: boolean;
}

export class TsFanout {
  private carry = Buffer.alloc(0);
  private pat: Buffer | null = null;
  private pmt: Buffer | null = null;
  private pmtPid = -1;
  private readonly members = new Set<Member>();

  /** Adds a destination; it receives data from the next keyframe on. Returns the removal. */
  join(sink: TsSink): () => void {
    const member = { sink, started: false };
    this.members.add(member);
    return () => this.members.delete(member);
  }

  push(chunk: Buffer): void {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let at = 0;
    let runStart = 0;
    while (at + TS_PACKET <= data.length) {
      if (data[at] !== SYNC) {
        // Lost alignment (not expected from a pipe): resume at the next sync byte.
        this.deliver(data.subarray(runStart, at));
        const next = data.indexOf(SYNC, at + 1);
        at = next === -1 ? data.length - (data.length % TS_PACKET) : next;
        runStart = at;
        continue;
      }
      const packet = data.subarray(at, at + TS_PACKET);
      this.notePsi(packet);
      if (this.hasWaiting() && isVideoKeyframeStart(packet)) {
        this.deliver(data.subarray(runStart, at));
        runStart = at;
        this.startWaiting();
      }
      at += TS_PACKET;
    }
    this.deliver(data.subarray(runStart, at));
    this.carry = Buffer.from(data.subarray(at));
  }

  private hasWaiting(): boolean {
    for (const member of this.members) if (!member.started) return true;
    return false;
  }

  /** Members waiting for a keyframe start here, after the tables that describe the stream. */
  private startWaiting(): void {
    const tables = [this.pat, this.pmt].filter((packet): packet is Buffer => packet !== null);
    for (const member of this.members) {
      if (member.started) continue;
      member.started = true;
      if (tables.length > 0) member.sink.write(Buffer.concat(tables));
    }
  }

  private deliver(packets: Buffer): void {
    if (packets.length === 0) return;
    for (const member of this.members) if (member.started) member.sink.write(packets);
  }

  private notePsi(packet: Buffer): void {
    const pid = ((packet[1]! & 0x1f) << 8) | packet[2]!;
    if (pid === 0) {
      this.pat = Buffer.from(packet);
      const payload = payloadOffset(packet);
      if (payload < 0) return;
      const section = payload + 1 + packet[payload]!;
      // First program entry after the 8-byte section header: program number (2), PMT PID (13 bits).
      const entry = section + 8;
      if (entry + 4 <= TS_PACKET) this.pmtPid = ((packet[entry + 2]! & 0x1f) << 8) | packet[entry + 3]!;
    } else if (pid === this.pmtPid) {
      this.pmt = Buffer.from(packet);
    }
  }
}

/** Where the payload starts, or -1 when the packet has none. */
function payloadOffset(packet: Buffer): number {
  const control = (packet[3]! >> 4) & 0x3;
  if ((control & 0x1) === 0) return -1;
  const offset = control & 0x2 ? 5 + packet[4]! : 4;
  return offset < TS_PACKET ? offset : -1;
}

/** A packet that starts a video PES and carries the random access indicator: a keyframe. */
export function isVideoKeyframeStart(packet: Buffer): boolean {
  const unitStart = (packet[1]! & 0x40) !== 0;
  const hasAdaptation = (packet[3]! & 0x20) !== 0;
  if (!unitStart || !hasAdaptation || packet[4]! === 0) return false;
  const randomAccess = (packet[5]! & 0x40) !== 0;
  const payload = payloadOffset(packet);
  if (!randomAccess || payload < 0 || payload + 4 > TS_PACKET) return false;
  return packet[payload] === 0 && packet[payload + 1] === 0 && packet[payload + 2] === 1 && (packet[payload + 3]! & 0xf0) === 0xe0;
}
