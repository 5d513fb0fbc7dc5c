import type { recordingMethods } from '../../shared/contract/recordingApi';
import type { Handlers } from '../api/types';
import type { RecordingService } from './recordingService';

export type RecordingHandlers = Pick<Handlers, keyof typeof recordingMethods>;

export function createRecordingHandlers(recordings: RecordingService): RecordingHandlers {
  return {
    'recording.start': (params) => recordings.start(params),
    'recording.append': (params) => recordings.append(params),
    'recording.finish': (params) => recordings.finish(params),
    'recording.playback': ({ recordingId }) => recordings.playback(recordingId),
    'recording.reveal': ({ recordingId }) => recordings.reveal(recordingId),
  };
}
