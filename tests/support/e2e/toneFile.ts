import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TONE_HZ = 440;
/** Well below 16-bit full scale (32 767), so the tone never clips. */
const TONE_AMPLITUDE = 12_000;
const SAMPLE_RATE = 48_000;
const BYTES_PER_SAMPLE = 2;
/** A canonical PCM WAV header: RIFF, fmt and data chunk headers. */
const WAV_HEADER_BYTES = 44;

/**
 * A WAV file with a steady 440 Hz tone, for Chromium's `--use-file-for-fake-audio-capture`:
 * the default fake microphone only beeps now and then (in step with the fake camera), so a spec
 * that checks a level meter moves gets a microphone that always has something to measure.
 */
export function toneWavFile(seconds = 1, sampleRate = SAMPLE_RATE): string {
  const samples = seconds * sampleRate;
  const data = Buffer.alloc(samples * BYTES_PER_SAMPLE);
  for (let i = 0; i < samples; i++)
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * TONE_HZ * i) / sampleRate) * TONE_AMPLITUDE), i * BYTES_PER_SAMPLE);
  const header = Buffer.alloc(WAV_HEADER_BYTES);
  header.write('RIFF', 0);
  header.writeUInt32LE(WAV_HEADER_BYTES - 8 + data.length, 4); // everything after this field
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16); // PCM chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * BYTES_PER_SAMPLE, 28); // byte rate
  header.writeUInt16LE(BYTES_PER_SAMPLE, 32); // block align
  header.writeUInt16LE(BYTES_PER_SAMPLE * 8, 34); // bits per sample
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'tone-440hz.wav');
  writeFileSync(file, Buffer.concat([header, data]));
  return file;
}
