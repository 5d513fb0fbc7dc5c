import type { CaptureSources } from '../../shared/domain/live';
import { AppFailure } from '../../shared/result';

/**
 * Where screen and window sources come from. The desktop app lists them through Electron and
 * grants exactly the chosen one; the headless studio leaves picking to the browser.
 */
export interface CaptureProvider {
  listSources(): Promise<CaptureSources>;
  selectSource(id: string, withAudio: boolean): Promise<{ selected: string }>;
}

export const browserCaptureProvider: CaptureProvider = {
  listSources: async () => ({ picker: 'browser' }),
  selectSource: async () => {
    throw new AppFailure('bad_request', "In the browser studio, pick the screen or window in the browser's own dialog.");
  },
};
