import type { ServerStatus } from '../../shared/contract/studioApi';
import { AppFailure } from '../../shared/result';
import type { Database } from '../db/openDatabase';
import { getStream, listStreams } from '../db/history/streams';
import { testLivekitConnection } from '../livekit/roomAdmin';
import type { SettingsService } from '../settings/settingsService';
import type { EventBus } from './eventBus';
import type { Handlers } from './types';

export interface CoreHandlerDeps {
  db: Database;
  settings: SettingsService;
  bus: EventBus;
  serverStatus: () => ServerStatus;
}

type CoreMethods = 'settings.get' | 'settings.update' | 'settings.testConnection' | 'server.status' | 'history.list' | 'history.get';

/** Settings, server status and history: the methods the studio shell needs. */
export function createCoreHandlers(deps: CoreHandlerDeps): Pick<Handlers, CoreMethods> {
  return {
    'settings.get': () => deps.settings.view(),
    'settings.update': (params) => {
      const view = deps.settings.update(params);
      deps.bus.emit('settings.changed', view);
      return view;
    },
    'settings.testConnection': () => testLivekitConnection(deps.settings.livekitCredentials()),
    'server.status': () => deps.serverStatus(),
    'history.list': (params) => listStreams(deps.db, params),
    'history.get': ({ id }) => {
      const stream = getStream(deps.db, id);
      if (!stream) throw new AppFailure('not_found', 'No stream with that id');
      return stream;
    },
  };
}
