import type { ServerStatus } from '../shared/contract/settingsApi';
import type { RunningServer } from './server/appServer';
import type { SettingsService } from './settings/settingsService';
import { APP_VERSION } from './version';

/**
 * Where the embedded server listens and the base handed out in links. Handlers get this before the
 * server exists, so it reads the server (and the public base URL setting) at each call.
 */
export function createServerStatus(deps: {
  settings: SettingsService;
  server: () => RunningServer | undefined;
  bindAddress: string;
  /** The configured port, reported until the server has bound its own. */
  port: number;
  startedAt: number;
  desktop: boolean;
}): () => ServerStatus {
  return () => {
    const server = deps.server();
    const localUrl = server?.localUrl ?? '';
    const publicBase = deps.settings.get().server.publicBaseUrl;
    return {
      localUrl,
      publicUrl: publicBase === '' ? localUrl : publicBase.replace(/\/+$/, ''),
      bindAddress: deps.bindAddress,
      port: server?.port ?? deps.port,
      startedAt: deps.startedAt,
      desktop: deps.desktop,
      version: APP_VERSION,
    };
  };
}
