import type { LiveSession } from '../../../shared/domain/live';

/** A stream main has live, as `stream.start` / `stream.current` answer it; spread to vary a field. */
export const testLiveSession: LiveSession = {
  streamId: 's1',
  roomName: 'room-1',
  title: 'Show',
  tags: [],
  mode: 'camera_grid',
  layout: { main: 'camera', camera: 'hidden' },
  startedAt: 1,
  livekitUrl: 'ws://lk',
  hostToken: 'tok',
  hostIdentity: 'host',
  watchUrl: 'http://x/watch',
};
