/**
 * Harness of the rehearsal-server specs: one dev server and one test page server per spec file,
 * browser pages that join rooms through `window.lkTest`, and the waits the specs share.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { DevServer } from '../../../src/main/rehearsal/index';
import { liveKitToken, startLiveKit, type TokenOptions } from './livekitDevServer';
import { serveLiveKitTestPage, type TestPageServer } from './livekitTestPage';
import type { RecordedEvent, RemoteVideoStats } from './pages/lkTestPage';

/** livekit-client DisconnectReason values (from @livekit/protocol). */
export const DUPLICATE_IDENTITY = 2;
export const PARTICIPANT_REMOVED = 4;
export const ROOM_DELETED = 5;
/** livekit-client ConnectionErrorReason.NotAllowed */
export const NOT_ALLOWED = 0;

/** How long a page may take to decode every expected source on a busy machine. */
const DECODE_TIMEOUT_MS = 30_000;

export interface LiveKitPages {
  /** The spec file's dev server. */
  server(): DevServer;
  openPage(browser: Browser): Promise<Page>;
  /** Opens a page and connects it to `room` as `identity` (on `target`, default the spec's server). */
  join(browser: Browser, room: string, identity: string, grant?: TokenOptions['grant'], target?: DevServer): Promise<Page>;
}

/** Registers the spec file's hooks: servers up before its tests, pages left after each one. */
export function useLiveKitPages(): LiveKitPages {
  let server: DevServer | undefined;
  let pages: TestPageServer | undefined;
  const contexts: BrowserContext[] = [];

  test.beforeAll(async () => {
    server = await startLiveKit({ departureTimeoutSec: 1 });
    pages = await serveLiveKitTestPage();
  });

  test.afterEach(async () => {
    // Leaving explicitly is much faster than letting Chromium tear connected pages down.
    await Promise.all(
      contexts.splice(0).map(async (c) => {
        // A page that already left or crashed has nothing to disconnect; the context goes either way.
        await Promise.all(c.pages().map((p) => p.evaluate(() => window.lkTest?.disconnect()).catch(() => undefined)));
        await c.close();
      }),
    );
  });

  test.afterAll(async () => {
    await server?.close();
    await pages?.close();
  });

  const requireServer = (): DevServer => {
    if (!server) throw new Error('the dev server is not started yet');
    return server;
  };

  async function openPage(browser: Browser): Promise<Page> {
    if (!pages) throw new Error('the test page server is not started yet');
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => console.log(`[page error] ${err.message}`));
    await page.goto(pages.url);
    await page.waitForFunction(() => typeof window.lkTest === 'object');
    return page;
  }

  async function join(
    browser: Browser,
    room: string,
    identity: string,
    grant: TokenOptions['grant'] = {},
    target?: DevServer,
  ): Promise<Page> {
    const page = await openPage(browser);
    const token = await liveKitToken({ identity, room, grant });
    await page.evaluate(([url, t]) => window.lkTest.connect(url, t), [(target ?? requireServer()).url, token] as const);
    return page;
  }

  return { server: requireServer, openPage, join };
}

export function decoded(stats: RemoteVideoStats[], source: string): RemoteVideoStats | undefined {
  return stats.find((s) => s.source === source && s.framesDecoded > 0 && s.frameWidth > 0);
}

/** Waits until `page` decodes frames of every listed source. */
export async function pollDecoded(page: Page, sources: string[]): Promise<void> {
  await expect
    .poll(
      async () => {
        const stats = await page.evaluate(() => window.lkTest.videoStats());
        return sources.filter((s) => decoded(stats, s));
      },
      { timeout: DECODE_TIMEOUT_MS },
    )
    .toEqual(sources);
}

export async function eventsOf(page: Page, type: string): Promise<RecordedEvent[]> {
  const all = await page.evaluate(() => window.lkTest.events());
  return all.filter((e) => e.type === type);
}
