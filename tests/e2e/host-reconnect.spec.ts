/**
 * The LiveKit server goes away mid-stream and a new one comes up on the same port: the studio
 * retries by itself ("Reconnecting… attempt N", with "Reconnect now" offered), main recreates the
 * room the new server does not know, the host republishes, and the viewer page gets the picture
 * back, all without reloading either page.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { DevServer } from '../../src/main/rehearsal/index';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { present } from '../support/contractCall';
import { Control } from '../support/e2e/control';
import { liveBar } from '../support/e2e/studioPage';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';
import { roomService, startLiveKit } from '../support/e2e/livekitDevServer';
import { openViewer, screenStats } from '../support/e2e/viewerPage';

// Chromium's fake desktop capture answers getDisplayMedia with a generated "screen", no picker.
test.use({ launchOptions: chromiumLaunchOptions(['--auto-select-desktop-capture-source=Entire screen']) });

/** Upper bound for media steps through the dev server on a busy 2-core machine (a limit, not a timing). */
const MEDIA_TIMEOUT = 60_000;

let livekit: DevServer | undefined;
let studio: HeadlessStudio | undefined;
let control: Control | undefined;
const contexts: BrowserContext[] = [];

test.afterAll(async () => {
  for (const context of contexts) await context.close();
  control?.close();
  await studio?.stop();
  await livekit?.close();
});

/** A marker that only survives as long as the page is never reloaded. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
}

function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
}

async function decodes(viewer: Page, otherThan?: string): Promise<string | null> {
  const stats = await screenStats(viewer);
  return stats && stats.framesDecoded > 0 && stats.frameWidth >= 640 && stats.trackId !== otherThan ? stats.trackId : null;
}

test('a LiveKit restart mid-stream: the studio gets back on air by itself and the viewer sees it again', async ({ browser }) => {
  test.setTimeout(240_000);
  livekit = await startLiveKit();
  const port = livekit.port;
  studio = await startHeadless();
  control = await Control.open(studio);
  await control.call('settings.update', { livekit: { url: livekit.url } });

  const hostContext = await browser.newContext();
  contexts.push(hostContext);
  const host = await hostContext.newPage();
  await studio.openStudio(host);
  await host.getByRole('button', { name: 'Share screen' }).click();
  await expect(host.getByLabel('Shared screen preview')).toBeVisible();
  await host.getByRole('textbox', { name: 'Stream title' }).fill('Restart drill');
  await host.getByRole('button', { name: 'Go live' }).click();
  await expect(liveBar(host)).toContainText('LIVE', { timeout: MEDIA_TIMEOUT });
  const { roomName } = present(await control.call('stream.current'), 'the live stream');

  const opened = await openViewer(browser, studio.baseUrl);
  contexts.push(opened.context);
  const viewer = opened.page;
  await expect.poll(() => decodes(viewer), { timeout: MEDIA_TIMEOUT }).not.toBeNull();
  const before = (await decodes(viewer))!;
  await markPage(host);
  await markPage(viewer);

  // The server goes away: the studio keeps retrying and says so.
  await livekit.close();
  livekit = undefined;
  await expect(liveBar(host)).toContainText(/Reconnecting… attempt \d+/, { timeout: MEDIA_TIMEOUT });
  const retrying = host.getByRole('alert').filter({ hasText: 'Reconnecting to LiveKit' });
  await expect(retrying.getByRole('button', { name: 'Reconnect now' })).toBeVisible();

  // A new server on the same port, knowing nothing of the room; the next try finds it.
  livekit = await startLiveKit({ port });
  await expect(liveBar(host)).toContainText('LIVE', { timeout: MEDIA_TIMEOUT });
  await expect(retrying).toBeHidden();
  // Main recreated the room's program on the new server (whoever created the room there first).
  const admin = roomService(livekit);
  const titles = async () => (await admin.listRooms([roomName])).map((r) => (JSON.parse(r.metadata || '{}') as { title?: string }).title);
  await expect.poll(titles, { timeout: MEDIA_TIMEOUT }).toEqual(['Restart drill']);

  // The viewer plays a new track from the new server, on the page it already had open.
  await expect.poll(() => decodes(viewer, before), { timeout: MEDIA_TIMEOUT }).not.toBeNull();
  await expect(viewer.getByRole('heading', { name: 'Waiting for the stream' })).toHaveCount(0);
  expect(await sameDocument(host)).toBe(true);
  expect(await sameDocument(viewer)).toBe(true);
});
