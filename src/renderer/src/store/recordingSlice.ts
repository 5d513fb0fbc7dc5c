import type { StateCreator } from 'zustand';
import { studio } from '../api/client';
import { programInput } from '../features/recording/programInput';
import { ProgramRecorder, type RecordingState } from '../features/recording/programRecorder';
import { createProgramSource } from '../features/recording/programSource';
import type { StudioState } from './index';

export interface RecordingSlice {
  recording: RecordingState;
  /**
   * Follows the live phase: records while live (when Settings say so) and finishes the file once
   * the stream is over, however it ended. Called on every phase change.
   */
  syncRecording(): void;
}

export const createRecordingSlice: StateCreator<StudioState, [], [], RecordingSlice> = (set, get) => {
  const recorder = new ProgramRecorder({
    api: studio,
    createSource: () => createProgramSource(() => programInput(get())),
    onState: (recording) => {
      set({ recording });
      // The stream may have ended while the file was being opened.
      if (recording.state === 'recording') get().syncRecording();
    },
  });
  return {
    recording: { state: 'off' },
    syncRecording: () => {
      const { livePhase, liveSession, settings } = get();
      if (livePhase === 'live' && liveSession && settings?.studio.recordLocally && !recorder.active) void recorder.start(liveSession.streamId);
      else if (livePhase === 'idle' && recorder.active) void recorder.stop();
    },
  };
};
