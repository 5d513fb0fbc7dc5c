import type { StudioClient } from '../../../../shared/contract/studioClient';
import type { HostStageTracker } from '../../livekit/hostStage';
import type { StudioStore } from '../state/studioState';
import { stopAll, subscribeEvents, whenOwnerOnline } from './wiringTools';

/**
 * Keeps the stage and invites current for the owner: main's `stage.changed` and `invites.changed`,
 * the guests' media from the host room, and a fresh `stage.get` whenever the link to main opens or
 * the stream goes live or ends (after a reload the roster comes back this way).
 */
export function wireStage(client: StudioClient, store: StudioStore, tracker: HostStageTracker): () => void {
  const state = store.getState;
  return stopAll([
    subscribeEvents(client, {
      'stage.changed': (stage) => state().applyStage(stage),
      'invites.changed': (invites) => state().applyInvites(invites),
    }),
    // Followed from the store, not a component: the host room may be created (going live,
    // resuming) while another page is open, and its guests must still be followed.
    tracker.on('guests', (media) => state().setGuestMedia(media)),
    tracker.on('quality', ({ identity, quality }) => state().reportGuestQuality(identity, quality)),
    whenOwnerOnline(store, () => void state().loadInvites()),
    whenOwnerOnline(
      store,
      ({ livePhase }) => {
        if (livePhase === 'live' || livePhase === 'idle') void state().loadStage();
      },
      (s) => s.livePhase,
    ),
  ]);
}
