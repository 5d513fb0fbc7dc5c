/**
 * Microphone level for the meter: RMS of the signal mapped from -60 dBFS..0 dBFS to 0..1, so
 * speech sits mid-scale and silence reads as empty.
 */
export interface LevelReader {
  read(): number;
  close(): void;
}

/** Maps an RMS amplitude (0..1) to the meter scale. */
export function levelFromRms(rms: number): number {
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db + 60) / 60));
}

/** Listens to `track` through an AnalyserNode; close() releases the audio graph. */
export function createLevelReader(track: MediaStreamTrack): LevelReader {
  const context = new AudioContext();
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  return {
    read() {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      return levelFromRms(Math.sqrt(sum / samples.length));
    },
    close() {
      source.disconnect();
      void context.close();
    },
  };
}
