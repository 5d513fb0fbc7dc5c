import { open } from 'node:fs/promises';
import { replaceDurably } from './durableReplace';

/**
 * MediaRecorder writes WebM as a live stream: the Segment has an unknown size and the Info
 * element no Duration, so players show no length and cannot seek well. Once a recording is
 * complete this puts the Duration into Info (rewriting the file once, through a temporary file).
 */

const EBML_ID = 0x1a45dfa3;
const SEGMENT_ID = 0x18538067;
const INFO_ID = 0x1549a966;
const DURATION_ID = 0x4489;
const TIMECODE_SCALE_ID = 0x2ad7b1;
/** Everything up to and including Info sits in the first few hundred bytes; this is plenty. */
const HEAD_BYTES = 64 * 1024;
const NS_PER_MS = 1_000_000;
/** Nanoseconds per tick when a file names no TimecodeScale (Matroska's default: ticks are ms). */
const DEFAULT_TIMECODE_SCALE_NS = 1_000_000;

interface Vint {
  value: number;
  length: number;
  unknown: boolean;
}

function readVint(buffer: Buffer, at: number, keepMarker: boolean): Vint | null {
  const first = buffer[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || at + length > buffer.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = (first & (0xff >> length)) === 0xff >> length;
  for (let i = 1; i < length; i += 1) {
    const byte = buffer[at + i]!;
    value = value * 256 + byte;
    if (byte !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

/** An element size as a vint of exactly `length` bytes, or null when it does not fit. */
function writeSize(size: number, length: number): Buffer | null {
  if (size >= 2 ** (7 * length) - 1) return null;
  const out = Buffer.alloc(length);
  let rest = size;
  for (let i = length - 1; i >= 0; i -= 1) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  out[0]! |= 0x80 >> (length - 1);
  return out;
}

interface Element {
  id: number;
  start: number;
  sizeAt: number;
  sizeLength: number;
  dataStart: number;
  size: number;
  unknown: boolean;
}

function readElement(buffer: Buffer, at: number): Element | null {
  const id = readVint(buffer, at, true);
  if (!id) return null;
  const size = readVint(buffer, at + id.length, false);
  if (!size) return null;
  const dataStart = at + id.length + size.length;
  return { id: id.value, start: at, sizeAt: at + id.length, sizeLength: size.length, dataStart, size: size.value, unknown: size.unknown };
}

/** What to change in the head of the file, or null when it is not a WebM we understand. */
export function planDuration(head: Buffer, durationMs: number): { head: Buffer; replaceBytes: number } | null {
  const ebml = readElement(head, 0);
  if (!ebml || ebml.id !== EBML_ID || ebml.unknown) return null;
  const segment = readElement(head, ebml.dataStart + ebml.size);
  if (!segment || segment.id !== SEGMENT_ID) return null;
  let at = segment.dataStart;
  let info: Element | null = null;
  while (at < head.length) {
    const child = readElement(head, at);
    if (!child || child.unknown) return null;
    if (child.id === INFO_ID) {
      info = child;
      break;
    }
    at = child.dataStart + child.size;
  }
  if (!info || info.dataStart + info.size > head.length) return null;

  let scale = DEFAULT_TIMECODE_SCALE_NS;
  let durationAt: Element | null = null;
  for (let cursor = info.dataStart; cursor < info.dataStart + info.size;) {
    const child = readElement(head, cursor);
    if (!child) return null;
    if (child.id === TIMECODE_SCALE_ID) scale = head.readUIntBE(child.dataStart, Math.min(child.size, 6));
    if (child.id === DURATION_ID) durationAt = child;
    cursor = child.dataStart + child.size;
  }
  const ticks = (durationMs * NS_PER_MS) / scale;

  if (durationAt) {
    const patched = Buffer.from(head.subarray(0, info.dataStart + info.size));
    if (durationAt.size === 8) patched.writeDoubleBE(ticks, durationAt.dataStart);
    else if (durationAt.size === 4) patched.writeFloatBE(ticks, durationAt.dataStart);
    else return null;
    return { head: patched, replaceBytes: patched.length };
  }

  const durationElement = Buffer.alloc(11);
  durationElement.writeUInt16BE(DURATION_ID, 0);
  durationElement[2] = 0x88; // size 8
  durationElement.writeDoubleBE(ticks, 3);
  const infoSize = writeSize(info.size + durationElement.length, info.sizeLength);
  if (!infoSize) return null;
  const parts = [head.subarray(0, info.sizeAt), infoSize, head.subarray(info.dataStart, info.dataStart + info.size), durationElement];
  if (!segment.unknown) {
    const segmentSize = writeSize(segment.size + durationElement.length, segment.sizeLength);
    if (!segmentSize) return null;
    parts[0] = Buffer.concat([head.subarray(0, segment.sizeAt), segmentSize, head.subarray(segment.dataStart, info.sizeAt)]);
  }
  return { head: Buffer.concat(parts), replaceBytes: info.dataStart + info.size };
}

/** Writes the duration into a finished WebM file; leaves files it does not understand untouched. */
export async function writeWebmDuration(path: string, durationMs: number): Promise<boolean> {
  const handle = await open(path, 'r+');
  let plan: ReturnType<typeof planDuration>;
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    plan = planDuration(head.subarray(0, bytesRead), durationMs);
    if (plan && plan.head.length === plan.replaceBytes) {
      // Same length (a Duration was already there): patch in place.
      await handle.write(plan.head, 0, plan.head.length, 0);
      await handle.datasync();
      return true;
    }
  } finally {
    await handle.close();
  }
  if (!plan) return false;
  await replaceDurably(path, plan.head, plan.replaceBytes);
  return true;
}
