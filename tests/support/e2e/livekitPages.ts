/**
 * Harness of the rehearsal-server specs: one dev server and one test page server per spec file,
 * browser pages that join rooms through `window.lkTest`, and the waits the specs share.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import type { DevServer } from '../../../src/main/rehearsal/index';
import { liveKitToken, type TokenOptions } from './livekitDevServer';
import { LiveRoomServers, useLiveRoomServers } from './liveRoomServers';
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
  const servers = useLiveRoomServers(new LiveRoomServers());

  async function openPage(browser: Browser): Promise<Page> {
    const url = servers.publisherPages.url;
    const context = servers.keepContext(await browser.newContext());
    const page = await context.newPage();
    page.on('pageerror', (err) => console.log(`[page error] ${err.message}`));
    await page.goto(url);
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
    await page.evaluate(([url, t]) => window.lkTest.connect(url, t), [(target ?? servers.livekit).url, token] as const);
    return page;
  }

  return { server: () => servers.livekit, openPage, join };
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
