/**
 * The first run, exactly as the README tells a new user: `npm run serve` with a fresh data
 * directory and no settings, open the printed URL, Go live, and the watch link plays in a second
 * browser — with no second terminal: the app runs its own local rehearsal server. The same
 * server then serves the guest page and the moderator console. Screenshots of each page are
 * kept in test-results/first-run/ for a person to look at.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { Control } from '../support/e2e/control';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';
import { openViewer, screenStats } from '../support/e2e/viewerPage';
import { liveBar } from '../support/e2e/studioPage';

// Chromium's fake desktop capture answers getDisplayMedia with a generated "screen", no picker.
test.use({ launchOptions: chromiumLaunchOptions(['--auto-select-desktop-capture-source=Entire screen']) });

/** Limit for media steps (join, publish, first decoded frame) on a busy 2-core machine. */
const MEDIA_TIMEOUT = 60_000;
const SHOTS = 'test-results/first-run';

test.describe.serial('first run: npm run serve, Go live, watch', () => {
  test.describe.configure({ timeout: 180_000 });
  let studio: HeadlessStudio;
  let control: Control;
  let host: Page;
  const contexts: BrowserContext[] = [];
  const studioErrors: string[] = [];

  test.beforeAll(async ({ browser }) => {
    studio = await startHeadless({ localLivekit: true });
    control = await Control.open(studio);
    const context = await browser.newContext();
    contexts.push(context);
    host = await context.newPage();
    host.on('console', (message) => {
      if (message.type() === 'error') studioErrors.push(message.text());
    });
    host.on('pageerror', (error) => studioErrors.push(error.message));
  });

  test.afterAll(async () => {
    control?.close();
    for (const context of contexts) await context.close();
    await studio?.stop();
  });

  test('the printed URL opens the studio, which says it uses the local rehearsal server', async () => {
    expect(studio.output()).toContain('LiveKit: Local rehearsal server');
    await studio.openStudio(host);
    await expect(host.getByRole('button', { name: 'Go live' })).toBeVisible();
    await expect(host.getByRole('region', { name: 'Program preview' })).toBeVisible();
    await expect(host.getByRole('note', { name: 'LiveKit server' })).toContainText('Local rehearsal server — viewers on this machine');
    await host.screenshot({ path: `${SHOTS}/studio.png` });
    expect(studioErrors).toEqual([]);
  });

  test('Go live with the defaults: a viewer opened before it decodes the stream', async ({ browser }) => {
    const viewer = await openViewer(browser, studio.baseUrl);
    contexts.push(viewer.context);
    await expect(viewer.page.getByRole('heading', { name: 'Waiting for the stream' })).toBeVisible();

    await host.getByRole('button', { name: 'Share screen' }).click();
    await expect(host.getByLabel('Shared screen preview')).toBeVisible();
    await host.getByRole('textbox', { name: 'Stream title' }).fill('First rehearsal');
    await host.getByRole('button', { name: 'Go live' }).click();
    await expect(liveBar(host)).toContainText('LIVE', { timeout: MEDIA_TIMEOUT });
    await expect(host.getByRole('textbox', { name: 'Viewer link' })).toHaveValue(`${studio.baseUrl}/watch`);

    await expect
      .poll(
        async () => {
          const stats = await screenStats(viewer.page);
          return stats !== null && stats.framesDecoded > 0 && stats.frameWidth > 0;
        },
        { timeout: MEDIA_TIMEOUT },
      )
      .toBe(true);
    await host.screenshot({ path: `${SHOTS}/studio-live.png` });
    await viewer.page.screenshot({ path: `${SHOTS}/watch.png` });
    expect(studioErrors).toEqual([]);
  });

  test('the same server serves the guest page and the moderator console', async ({ browser }) => {
    const invite = await control.call('invites.create', { label: 'Ana' });
    const guestContext = await browser.newContext();
    contexts.push(guestContext);
    const guest = await guestContext.newPage();
    await guest.goto(invite.link);
    await expect(guest.getByRole('textbox', { name: 'Your name' })).toBeVisible();
    await expect(guest.getByRole('button', { name: 'Request to join' })).toBeVisible();
    await guest.screenshot({ path: `${SHOTS}/guest.png` });

    const moderator = await control.call('moderation.createModeratorLink', { label: 'Sam' });
    const consoleContext = await browser.newContext();
    contexts.push(consoleContext);
    const console_ = await consoleContext.newPage();
    await console_.goto(moderator.url);
    await expect(console_.getByRole('main', { name: 'Moderator console' })).toBeVisible();
    await console_.screenshot({ path: `${SHOTS}/moderator-console.png` });
  });
});
