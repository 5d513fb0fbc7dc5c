import type { StudioClient } from '../../../../shared/contract/studioClient';
import type { StudioStore } from '../state/studioState';
import { stopAll, subscribeEvents, whenOwnerOnline } from './wiringTools';

/** The owner's list of moderator sessions: loaded each time the link to main opens, then kept current by push. */
export function wireModeratorAccess(client: StudioClient, store: StudioStore): () => void {
  const state = store.getState;
  return stopAll([
    subscribeEvents(client, { 'moderators.changed': (payload) => state().applyModeratorSessions(payload.sessions) }),
    whenOwnerOnline(store, () => void state().loadModeratorSessions()),
  ]);
}
