import type { Recorder, RecordingSlice } from './state/recording';
import type { SliceCreator } from './state/studioState';
import { selectWantsProgram } from './selectors/multistream';

/**
 * Recording starts this long after the stream is up. Composing and encoding a second video on
 * the same CPU while the first frames go out made viewers wait about a second and a half longer
 * for the first frame on a 2-core machine (BENCHMARKS.md, golive); the recording misses the
 * first two seconds of the show instead.
 */
const START_AFTER_LIVE_MS = 2_000;

/** Records the program while live (when Settings or a destination want it) through the recorder it is given. */
export const createRecordingSlice =
  (recorder: Recorder): SliceCreator<RecordingSlice> =>
  (set, get) => {
    let liveAt = 0;
    let wait: ReturnType<typeof setTimeout> | undefined;
    return {
      recording: { state: 'off' },
      syncRecording: () => {
        const { livePhase, liveSession, settings } = get();
        if (livePhase !== 'live') {
          liveAt = 0;
          clearTimeout(wait);
          if (livePhase === 'idle' && recorder.active) void recorder.stop();
          return;
        }
        // One program source feeds the file and the destinations (main tees it); either one needs it.
        if (!liveSession || !settings || !selectWantsProgram(get()) || recorder.active) return;
        liveAt ||= Date.now();
        const remaining = liveAt + START_AFTER_LIVE_MS - Date.now();
        clearTimeout(wait);
        if (remaining > 0) wait = setTimeout(() => get().syncRecording(), remaining);
        else void recorder.start(liveSession.streamId);
      },
      applyRecording: (recording) => {
        set({ recording });
        // The stream may have ended while the file was being opened.
        if (recording.state === 'recording') get().syncRecording();
      },
    };
  };
