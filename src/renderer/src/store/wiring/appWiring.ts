import type { StudioConnection } from '../../api/client';
import type { StudioStore } from '../state/studioState';
import { stopAll, subscribeEvents, whenOwnerOnline } from './wiringTools';

/**
 * The link to main into the store: its state and this session's role, settings and destination
 * pushes, and the owner's settings and destinations loaded each time the link opens.
 */
export function wireApp(connection: StudioConnection, store: StudioStore): () => void {
  const state = store.getState;
  return stopAll([
    connection.onConnectionState((value) => state().setConnection(value)),
    connection.onSessionRole((role) => state().setSessionRole(role)),
    subscribeEvents(connection.client, {
      'settings.changed': (view) => state().applySettings(view),
      'multistream.status': (status) => state().applyMultistreamStatus(status),
    }),
    // Settings are the owner's alone; a moderator asking would only be refused.
    whenOwnerOnline(store, () => {
      void state().loadSettings();
      void state().loadDestinations();
    }),
  ]);
}
