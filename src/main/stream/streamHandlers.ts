import type { Handlers } from '../api/types';
import type { Logger } from '../logging';
import type { CaptureProvider } from './captureProvider';
import type { LiveStreamService } from './liveStreamService';

type StreamMethods =
  | 'stream.start'
  | 'stream.current'
  | 'stream.end'
  | 'stream.abort'
  | 'stream.reportRoomView'
  | 'capture.listSources'
  | 'capture.selectSource';

export function createStreamHandlers(deps: {
  streams: LiveStreamService;
  capture: CaptureProvider;
  /** Runs when a studio resumes a live stream (reload, reconnect): the stage is re-applied. */
  reapplyStage?: () => Promise<unknown>;
  log?: Pick<Logger, 'warn'>;
}): Pick<Handlers, StreamMethods> {
  const { streams, capture } = deps;
  return {
    'stream.start': (params) => streams.start(params),
    'stream.current': async () => {
      const session = await streams.current();
      // The host needs its token more than the program needs its metadata: a stage that cannot
      // be re-applied now (LiveKit still coming back) is re-applied on the studio's next resume.
      if (session && deps.reapplyStage) {
        await deps
          .reapplyStage()
          .catch((error: unknown) => deps.log?.warn('stream: re-applying the stage on resume failed', (error as Error).message));
      }
      return session;
    },
    'stream.end': ({ streamId }) => streams.end(streamId),
    'stream.abort': ({ streamId, reason }) => streams.abort(streamId, reason),
    'stream.reportRoomView': ({ streamId, viewers, joined, left }) => streams.reportRoomView(streamId, viewers, joined, left),
    'capture.listSources': () => capture.listSources(),
    'capture.selectSource': ({ id, withAudio }) => capture.selectSource(id, withAudio),
  };
}
