import { test, type BrowserContext, type Page } from '@playwright/test';
import type { DevServer } from '../../../src/main/rehearsal/index';
import { startLiveKit } from './livekitDevServer';
import { serveLiveKitTestPage, type TestPageServer } from './livekitTestPage';
// For the `window.lkTest` type the publisher test page exposes.
import type {} from './pages/lkTestPage';

/** Rooms go away a second after the last participant leaves, so "the stream ended" shows quickly. */
export const DEPARTURE_TIMEOUT_SEC = 1;

/**
 * What every spec that joins live rooms shares: one LiveKit dev server and one publisher test page
 * server for the spec file, and the browser contexts a test opened, left after it.
 */
export class LiveRoomServers {
  private server: DevServer | undefined;
  private testPages: TestPageServer | undefined;
  private readonly contexts: BrowserContext[] = [];

  /** The spec file's dev server. */
  get livekit(): DevServer {
    if (!this.server) throw new Error('the dev server is not started yet');
    return this.server;
  }

  /** Serves the livekit-client test page (`window.lkTest`). */
  get publisherPages(): TestPageServer {
    if (!this.testPages) throw new Error('the test page server is not started yet');
    return this.testPages;
  }

  /** Keeps `context` so it is left and closed after the test. */
  keepContext(context: BrowserContext): BrowserContext {
    this.contexts.push(context);
    return context;
  }

  /** Keeps `page` so its browser context is left and closed after the test. */
  keep(page: Page): Page {
    this.keepContext(page.context());
    return page;
  }

  async start(): Promise<void> {
    this.server = await startLiveKit({ departureTimeoutSec: DEPARTURE_TIMEOUT_SEC });
    this.testPages = await serveLiveKitTestPage();
  }

  async stop(): Promise<void> {
    await this.server?.close();
    await this.testPages?.close();
  }

  /** Leaves and closes every kept context. */
  async closePages(): Promise<void> {
    // Leaving explicitly is much faster than letting Chromium tear connected pages down.
    await Promise.all(
      this.contexts.splice(0).map(async (c) => {
        // A page that already left, crashed or never joined has nothing to disconnect; the context goes either way.
        await Promise.all(c.pages().map((p) => p.evaluate(() => window.lkTest?.disconnect()).catch(() => undefined)));
        await c.close();
      }),
    );
  }
}

/**
 * Registers the spec file's hooks around `servers`: started before its tests, stopped after them,
 * kept pages closed after each test and then `afterEachTest`, in that order.
 */
export function useLiveRoomServers<S extends LiveRoomServers>(servers: S, afterEachTest?: () => Promise<void>): S {
  test.beforeAll(() => servers.start());
  test.afterAll(() => servers.stop());
  test.afterEach(async () => {
    await servers.closePages();
    await afterEachTest?.();
  });
  return servers;
}
