import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planDuration, writeWebmDuration } from './webmDuration';

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

/** The head MediaRecorder writes: EBML header, a live Segment, Info without Duration, Tracks, a Cluster. */
function liveWebm(): Buffer {
  const docType = Buffer.concat([hex('4282 84'), Buffer.from('webm')]);
  const ebml = Buffer.concat([hex('1a45dfa3'), Buffer.from([0x80 | docType.length]), docType]);
  const muxingApp = Buffer.concat([hex('4d80 86'), Buffer.from('Chrome')]);
  const infoBody = Buffer.concat([hex('2ad7b1 83 0f4240'), muxingApp]);
  const info = Buffer.concat([hex('1549a966'), Buffer.from([0x80 | infoBody.length]), infoBody]);
  const tracks = hex('1654ae6b 80');
  const cluster = hex('1f43b675 01ffffffffffffff e7 81 00 a3 84 81 00 00 80');
  return Buffer.concat([ebml, hex('18538067 01ffffffffffffff'), info, tracks, cluster]);
}

/** Reads Duration back the simple way: find its id and the float after it. */
function durationIn(file: Buffer): number | null {
  const at = file.indexOf(hex('4489 88'));
  return at < 0 ? null : file.readDoubleBE(at + 3);
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('writing the duration into a live WebM', () => {
  it('adds Duration to Info, grows its size and keeps every other byte', () => {
    const original = liveWebm();
    const plan = planDuration(original, 12_345)!;
    const patched = Buffer.concat([plan.head, original.subarray(plan.replaceBytes)]);
    expect(patched.length).toBe(original.length + 11);
    expect(durationIn(patched)).toBe(12_345);
    const infoAt = patched.indexOf(hex('1549a966'));
    expect(patched[infoAt + 4]).toBe(original[original.indexOf(hex('1549a966')) + 4]! + 11);
    expect(patched.subarray(patched.length - 20)).toEqual(original.subarray(original.length - 20));
  });

  it('overwrites an existing Duration in place', () => {
    const once = liveWebm();
    const first = planDuration(once, 1_000)!;
    const withDuration = Buffer.concat([first.head, once.subarray(first.replaceBytes)]);
    const second = planDuration(withDuration, 2_500)!;
    expect(second.head.length).toBe(second.replaceBytes);
    expect(durationIn(Buffer.concat([second.head, withDuration.subarray(second.replaceBytes)]))).toBe(2_500);
  });

  it('leaves anything that is not a WebM alone', async () => {
    expect(planDuration(Buffer.from('not a webm file at all'), 1_000)).toBeNull();
    dir = mkdtempSync(join(tmpdir(), 'airdeck-webm-'));
    const path = join(dir, 'x.webm');
    writeFileSync(path, 'plain text');
    expect(await writeWebmDuration(path, 1_000)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('plain text');
  });

  it('rewrites a file on disk', async () => {
    dir = mkdtempSync(join(tmpdir(), 'airdeck-webm-'));
    const path = join(dir, 'x.webm');
    writeFileSync(path, liveWebm());
    expect(await writeWebmDuration(path, 4_000)).toBe(true);
    expect(durationIn(readFileSync(path))).toBe(4_000);
  });
});
