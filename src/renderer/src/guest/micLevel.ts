/**
 * Loudness 0..1 from an AnalyserNode's time-domain bytes (128 = silence). RMS, then scaled so
 * normal speech fills most of the meter: raw RMS of a voice sits around 0.05–0.2.
 */
export function levelFromTimeDomain(samples: Uint8Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) {
    const centered = (sample - 128) / 128;
    sum += centered * centered;
  }
  const rms = Math.sqrt(sum / samples.length);
  return Math.min(1, rms * 4);
}

/**
 * Rises at once and falls slowly, like a hardware meter, so short syllables stay readable
 * instead of flickering.
 */
export function smoothLevel(previous: number, next: number, fall = 0.85): number {
  return next >= previous ? next : Math.max(next, previous * fall);
}
