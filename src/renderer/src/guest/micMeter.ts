import { levelFromTimeDomain, smoothLevel } from './micLevel';

/** Samples per level reading: about 10 ms at 48 kHz, short enough for a lively meter. */
const ANALYSER_FFT_SIZE = 512;

/** One AudioContext for the page: browsers limit how many can exist. */
let sharedContext: AudioContext | null = null;

function audioContext(): AudioContext {
  sharedContext ??= new AudioContext();
  // Created before any click, a context starts suspended; resume() succeeds once the page has
  // had a user gesture (typing the name counts), so call it on every meter start.
  if (sharedContext.state === 'suspended') void sharedContext.resume().catch(() => undefined); // refused without a user gesture; the next click resumes it
  return sharedContext;
}

/**
 * Feeds the loudness of a microphone track (0..1) to `onLevel` once per animation frame until
 * the returned function is called. The AnalyserNode only listens: nothing is played back and the
 * track itself is not altered.
 */
export function watchMicLevel(track: MediaStreamTrack, onLevel: (level: number) => void): () => void {
  const context = audioContext();
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  analyser.fftSize = ANALYSER_FFT_SIZE;
  source.connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  let level = 0;
  let frame = 0;
  const tick = (): void => {
    analyser.getByteTimeDomainData(samples);
    level = smoothLevel(level, track.enabled && !track.muted ? levelFromTimeDomain(samples) : 0);
    onLevel(level);
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  return () => {
    cancelAnimationFrame(frame);
    source.disconnect();
    analyser.disconnect();
  };
}
