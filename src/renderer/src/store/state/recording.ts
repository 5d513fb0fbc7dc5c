import type { ProgramRecorder, RecordingState } from '../../features/recording/programRecorder';

/** What the recording slice drives (a structural type, so tests can pass a fake). */
export type Recorder = Pick<ProgramRecorder, 'active' | 'start' | 'stop'>;

export interface RecordingSlice {
  recording: RecordingState;
  /**
   * Follows the live phase: records while live (when Settings say so) and finishes the file once
   * the stream is over, however it ended. Called on every phase change.
   */
  syncRecording(): void;
  /** The recorder's report of its state. */
  applyRecording(recording: RecordingState): void;
}
