import { test } from '@playwright/test';
import { Control } from './control';
import { startHeadless, type HeadlessStudio } from './headless';
import { LiveRoomServers, useLiveRoomServers } from './liveRoomServers';

/**
 * What a page spec that needs a live room works with: one LiveKit dev server and publisher test
 * page for the file, a fresh headless studio pointed at it and its owner control per test.
 * Fields are set by the hooks `useLiveKitStudio` registers, before any test body runs.
 */
export class LiveKitStudio extends LiveRoomServers {
  studio!: HeadlessStudio;
  control!: Control;
}

/** Registers the hooks that start and stop a `LiveKitStudio` around the tests of the calling file. */
export function useLiveKitStudio(): LiveKitStudio {
  const env = useLiveRoomServers(new LiveKitStudio(), async () => {
    env.control?.close();
    await env.studio?.stop();
  });
  test.beforeEach(async () => {
    env.studio = await startHeadless();
    env.control = await Control.open(env.studio);
    await env.control.call('settings.update', { livekit: { url: env.livekit.url } });
  });
  return env;
}
