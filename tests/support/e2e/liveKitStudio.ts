import { test, type Browser, type Page } from '@playwright/test';
import type { ResultOf } from '../contractCall';
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

  /** Joins as the host with the app's host token and publishes screen share, camera and mic. */
  async publishHost(browser: Browser, session: ResultOf<'stream.start'>): Promise<Page> {
    const page = this.keep(await (await browser.newContext()).newPage());
    page.on('pageerror', (error) => console.log(`[host page error] ${error.message}`));
    await page.goto(this.publisherPages.url);
    await page.waitForFunction(() => typeof window.lkTest === 'object');
    await page.evaluate(([url, token]) => window.lkTest.connect(url, token), [session.livekitUrl, session.hostToken] as const);
    await page.evaluate(() => window.lkTest.publishCanvasScreenShare(1280, 720));
    await page.evaluate(() => window.lkTest.publishCamera(640, 360));
    await page.evaluate(() => window.lkTest.publishMicrophone());
    return page;
  }
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
