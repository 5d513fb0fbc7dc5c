import { AudioMixer } from './audioMixer';
import { ProgramCompositor, RECORDING_HEIGHT, RECORDING_WIDTH } from './programCompositor';
import type { ProgramInput } from './programInput';
import type { ProgramSource, RecorderLike } from './programRecorder';
import { programScene } from './programScene';

/** Preferred first: VP8 encodes cheapest on the CPU, which is also encoding the live stream. */
const MIME_TYPES = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm'];
const VOICES_EVERY_MS = 500;

/**
 * The composed program as a MediaRecorder: canvas compositor for the picture, a mixer for the
 * voices. Recording the composition (not the published tracks one by one) gives one file that
 * looks like what viewers saw, guests included, and plays anywhere.
 */
export function createProgramSource(read: () => ProgramInput): ProgramSource {
  if (typeof MediaRecorder === 'undefined') throw new Error('this browser has no MediaRecorder');
  const mimeType = MIME_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
  if (!mimeType) throw new Error('this browser cannot record WebM');
  const compositor = new ProgramCompositor(() => programScene({ ...read().scene, width: RECORDING_WIDTH, height: RECORDING_HEIGHT }));
  const mixer = new AudioMixer();
  const picture = compositor.start();
  mixer.update(read().voices);
  const voices = setInterval(() => mixer.update(read().voices), VOICES_EVERY_MS);
  const recorder = new MediaRecorder(new MediaStream([...picture.getVideoTracks(), mixer.track]), {
    mimeType,
    videoBitsPerSecond: 2_500_000,
    audioBitsPerSecond: 128_000,
  });
  return {
    recorder: adapt(recorder),
    mimeType,
    release: async () => {
      clearInterval(voices);
      compositor.stop();
      for (const track of picture.getTracks()) track.stop();
      await mixer.close();
    },
  };
}

function adapt(recorder: MediaRecorder): RecorderLike {
  return {
    start(timesliceMs, events) {
      recorder.ondataavailable = (event) => events.data(event.data);
      recorder.onerror = (event) => events.error((event as Event & { error?: unknown }).error ?? 'unknown error');
      recorder.start(timesliceMs);
    },
    stop() {
      if (recorder.state === 'inactive') return Promise.resolve();
      // The last dataavailable comes before stop, so the final chunk is already handed over.
      return new Promise((resolve) => {
        recorder.onstop = () => resolve();
        recorder.stop();
      });
    },
  };
}
