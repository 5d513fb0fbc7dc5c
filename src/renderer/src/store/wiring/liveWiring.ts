import type { StudioClient } from '../../../../shared/contract/studioClient';
import type { StudioStore } from '../state/studioState';
import { stopAll, subscribeEvents, whenOwnerOnline } from './wiringTools';

/**
 * The stream's events into the store: `stream.state` (once, for the live bar and the chat) and
 * `viewers.count`; and the owner's check for a stream still live after a reload, each time the
 * link to main opens.
 */
export function wireLive(client: StudioClient, store: StudioStore, reloadChat: () => Promise<void>): () => void {
  const state = store.getState;
  return stopAll([
    subscribeEvents(client, {
      'stream.state': (payload) => {
        state().applyStreamState(payload);
        // A stream started or ended: the chat and its queue follow the stream on air.
        if ((payload.live?.streamId ?? null) !== state().chatStreamId) void reloadChat();
      },
      'viewers.count': (payload) => state().applyViewerCount(payload),
    }),
    whenOwnerOnline(store, () => void state().checkResume()),
  ]);
}
