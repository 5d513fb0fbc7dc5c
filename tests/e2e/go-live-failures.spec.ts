/**
 * Going live fails clearly and leaves nothing live: an unreachable LiveKit server or bad
 * credentials give an alert with a way on (retry, settings), and no stream reaches the history.
 */
import { expect, test, type Page } from '@playwright/test';
import type { DevServer } from '../../src/main/rehearsal/index';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';
import { startLiveKit } from '../support/e2e/livekitDevServer';
import { configureLiveKit, liveBar } from '../support/e2e/studioPage';

// Chromium's fake desktop capture answers getDisplayMedia with a generated "screen", no picker
// (the same launch options as go-live.spec.ts, where these tests came from).
test.use({ launchOptions: chromiumLaunchOptions(['--auto-select-desktop-capture-source=Entire screen']) });

let studio: HeadlessStudio | undefined;
test.afterEach(async () => {
  await studio?.stop();
  studio = undefined;
});

test.describe('going live fails clearly and leaves nothing live', () => {
  let livekit: DevServer;

  test.beforeAll(async () => {
    livekit = await startLiveKit();
  });
  test.afterAll(async () => {
    await livekit?.close();
  });

  async function tryGoLive(page: Page): Promise<void> {
    await page.getByRole('radio', { name: /Voice only/ }).check();
    await page.getByRole('textbox', { name: 'Stream title' }).fill('Doomed');
    await page.getByRole('button', { name: 'Go live' }).click();
  }

  async function expectNothingLive(page: Page): Promise<void> {
    await expect(liveBar(page)).toContainText('Not live');
    await page.getByRole('button', { name: 'History' }).click();
    await expect(page.getByRole('heading', { name: 'No streams yet' })).toBeVisible();
  }

  test('an unreachable LiveKit server', async ({ page }) => {
    studio = await startHeadless();
    await studio.openStudio(page);
    // Port 9 (discard) on loopback has no LiveKit server.
    await configureLiveKit(page, 'ws://127.0.0.1:9');
    await tryGoLive(page);
    const alert = page.getByRole('alert').filter({ hasText: 'Can’t reach the LiveKit server' });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(alert.getByRole('button', { name: 'Open settings' })).toBeVisible();
    await expectNothingLive(page);
  });

  test('bad credentials', async ({ page }) => {
    studio = await startHeadless();
    await studio.openStudio(page);
    await configureLiveKit(page, livekit.url, 'not-the-secret');
    await tryGoLive(page);
    const alert = page.getByRole('alert').filter({ hasText: 'LiveKit rejected the credentials' });
    await expect(alert).toBeVisible();
    await alert.getByRole('button', { name: 'Open settings' }).click();
    await expect(page.getByRole('textbox', { name: 'Server URL' })).toBeVisible();
    await page.getByRole('button', { name: 'Studio' }).click();
    await expectNothingLive(page);
  });
});
