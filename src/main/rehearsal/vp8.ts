/**
 * Returns true when `payload` (an RTP payload of a VP8 stream, RFC 7741) starts a key frame.
 * The forwarder needs this to switch simulcast layers and to start new subscribers cleanly.
 */
export function isVp8KeyframeStart(payload: Uint8Array): boolean {
  if (payload.length < 1) return false;
  const b0 = payload[0] as number;
  const extended = (b0 & 0x80) !== 0;
  const startOfPartition = (b0 & 0x10) !== 0;
  const partitionId = b0 & 0x07;
  let i = 1;
  if (extended) {
    if (i >= payload.length) return false;
    const b1 = payload[i++] as number;
    if (b1 & 0x80) {
      // PictureID: 7 or 15 bits depending on the M bit.
      if (i >= payload.length) return false;
      const pic = payload[i++] as number;
      if (pic & 0x80) i++;
    }
    if (b1 & 0x40) i++; // TL0PICIDX
    if (b1 & 0x30) i++; // TID/Y/KEYIDX
  }
  if (!startOfPartition || partitionId !== 0) return false;
  if (i >= payload.length) return false;
  // VP8 payload header: bit 0 of the first byte is the inverse key-frame flag.
  return ((payload[i] as number) & 0x01) === 0;
}
