import type { ServerStatus, settingsMethods } from '../../shared/contract/settingsApi';
import type { Handlers } from '../api/types';
import { testLivekitConnection } from '../livekit/roomAdmin';
import type { SettingsService } from './settingsService';

export type SettingsHandlers = Pick<Handlers, keyof typeof settingsMethods>;

/** Settings and where the embedded server listens: what the studio shell reads before anything else. */
export function createSettingsHandlers(deps: { settings: SettingsService; serverStatus: () => ServerStatus }): SettingsHandlers {
  return {
    'settings.get': () => deps.settings.view(),
    // The service announces the change; app.ts forwards it to every studio as settings.changed.
    'settings.update': (params) => deps.settings.update(params),
    'settings.testConnection': () => testLivekitConnection(deps.settings.livekitCredentials()),
    'server.status': () => deps.serverStatus(),
  };
}
