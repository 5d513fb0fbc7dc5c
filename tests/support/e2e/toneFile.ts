import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A WAV file with a steady 440 Hz tone, for Chromium's `--use-file-for-fake-audio-capture`:
 * the default fake microphone only beeps now and then (in step with the fake camera), so a spec
 * that checks a level meter moves gets a microphone that always has something to measure.
 */
export function toneWavFile(seconds = 1, sampleRate = 48_000): string {
  const samples = seconds * sampleRate;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / sampleRate) * 12_000), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16); // PCM chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'tone-440hz.wav');
  writeFileSync(file, Buffer.concat([header, data]));
  return file;
}
