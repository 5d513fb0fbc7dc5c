import { test, type Page } from '@playwright/test';
import type { DevServer } from '../../../src/main/rehearsal/index';
import { Control } from './control';
import { startHeadless, type HeadlessStudio } from './headless';
import { startLiveKit } from './livekitDevServer';
import { serveLiveKitTestPage, type TestPageServer } from './livekitTestPage';

/** Rooms go away a second after the last participant leaves, so "the stream ended" shows quickly. */
export const DEPARTURE_TIMEOUT_SEC = 1;

/**
 * What a page spec that needs a live room works with: one LiveKit dev server and publisher test
 * page for the file, a fresh headless studio pointed at it and its owner control per test.
 * Fields are set by the hooks `useLiveKitStudio` registers, before any test body runs.
 */
export class LiveKitStudio {
  livekit!: DevServer;
  publisherPages!: TestPageServer;
  studio!: HeadlessStudio;
  control!: Control;
  private readonly pages: Page[] = [];

  /** Keeps `page` so its browser context is closed after the test. */
  keep(page: Page): Page {
    this.pages.push(page);
    return page;
  }

  /** Closes every kept page's context. */
  async closePages(): Promise<void> {
    for (const page of this.pages.splice(0)) await page.context().close();
  }
}

/** Registers the hooks that start and stop a `LiveKitStudio` around the tests of the calling file. */
export function useLiveKitStudio(): LiveKitStudio {
  const env = new LiveKitStudio();
  test.beforeAll(async () => {
    env.livekit = await startLiveKit({ departureTimeoutSec: DEPARTURE_TIMEOUT_SEC });
    env.publisherPages = await serveLiveKitTestPage();
  });
  test.afterAll(async () => {
    await env.livekit?.close();
    await env.publisherPages?.close();
  });
  test.beforeEach(async () => {
    env.studio = await startHeadless();
    env.control = await Control.open(env.studio);
    await env.control.call('settings.update', { livekit: { url: env.livekit.url } });
  });
  test.afterEach(async () => {
    await env.closePages();
    env.control?.close();
    await env.studio?.stop();
  });
  return env;
}
