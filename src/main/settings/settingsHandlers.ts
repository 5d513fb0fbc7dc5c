import type { ServerStatus, settingsMethods } from '../../shared/contract/settingsApi';
import type { EventBus } from '../api/eventBus';
import type { Handlers } from '../api/types';
import { testLivekitConnection } from '../livekit/roomAdmin';
import type { SettingsService } from './settingsService';

export type SettingsHandlers = Pick<Handlers, keyof typeof settingsMethods>;

/** Settings and where the embedded server listens: what the studio shell reads before anything else. */
export function createSettingsHandlers(deps: {
  settings: SettingsService;
  bus: EventBus;
  serverStatus: () => ServerStatus;
}): SettingsHandlers {
  return {
    'settings.get': () => deps.settings.view(),
    'settings.update': (params) => {
      const view = deps.settings.update(params);
      deps.bus.emit('settings.changed', view);
      return view;
    },
    'settings.testConnection': () => testLivekitConnection(deps.settings.livekitCredentials()),
    'server.status': () => deps.serverStatus(),
  };
}
