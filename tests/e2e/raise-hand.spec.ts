/**
 * A viewer raises a hand on the watch page, checks camera and microphone on the guest page, and
 * the request lands in the studio's moderation queue like an invited guest's. Approved, they go
 * on stage, and another viewer decodes their camera in the watch page's stage grid. With raised
 * hands turned off in Settings, the watch page offers no hand.
 */
import { expect, test, type BrowserContext } from '@playwright/test';
import type { DevServer } from '../../src/main/rehearsal/index';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { decodedFrames } from '../support/e2e/videoFrames';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';
import { startLiveKit } from '../support/e2e/livekitDevServer';
import { changeSettings, liveBar } from '../support/e2e/studioPage';

test.use({ launchOptions: chromiumLaunchOptions(['--auto-select-desktop-capture-source=Entire screen']) });

const MEDIA_TIMEOUT = 60_000;

let livekit: DevServer | undefined;
let studio: HeadlessStudio | undefined;
const contexts: BrowserContext[] = [];

test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  await studio?.stop();
  await livekit?.close();
});

test('a viewer raises a hand, is approved from the queue, and other viewers see them on stage', async ({ page: host, browser }) => {
  test.setTimeout(240_000);
  livekit = await startLiveKit();
  studio = await startHeadless();
  await studio.openStudio(host);
  // Not recording: four media pages share two cores here, and the recording has its own spec.
  await changeSettings(host, async (page) => {
    await page.getByRole('textbox', { name: 'Server URL' }).fill(livekit!.url);
    await page.getByRole('checkbox', { name: 'Record every stream to this computer' }).uncheck();
  });
  await host.getByRole('button', { name: 'Share screen' }).click();
  await expect(host.getByLabel('Shared screen preview')).toBeVisible();
  await host.getByRole('textbox', { name: 'Stream title' }).fill('Open mic');
  await host.getByRole('button', { name: 'Go live' }).click();
  await expect(liveBar(host)).toContainText('LIVE', { timeout: MEDIA_TIMEOUT });

  // The viewer who raises a hand.
  const handContext = await browser.newContext();
  contexts.push(handContext);
  const hand = await handContext.newPage();
  await hand.goto(`${studio.baseUrl}/watch`);
  await hand.getByRole('button', { name: 'Raise hand' }).click({ timeout: MEDIA_TIMEOUT });
  const form = hand.getByRole('form', { name: 'Raise your hand' });
  await form.getByRole('textbox', { name: 'Your name on stage' }).fill('Vee');
  await hand.screenshot({ path: test.info().outputPath('watch-raise-hand.png') });
  await form.getByRole('button', { name: 'Continue' }).click();

  // The guest page: device check first, the name carried over, then the hand goes up.
  await expect(hand).toHaveURL(/\/join\/[A-Za-z0-9_-]+$/);
  await expect(hand.getByRole('heading', { name: 'Ask to join “Open mic”' })).toBeVisible();
  await expect(hand.getByRole('textbox', { name: 'Your name' })).toHaveValue('Vee');
  await expect(hand.getByLabel('Camera preview')).toBeVisible({ timeout: MEDIA_TIMEOUT });
  await hand.screenshot({ path: test.info().outputPath('guest-raise-hand.png') });
  await hand.getByRole('button', { name: 'Raise hand' }).click();
  await expect(hand.getByText('Request sent', { exact: true })).toBeVisible({ timeout: MEDIA_TIMEOUT });

  // The host's queue: the same stage request as an invited guest's, marked as a raised hand.
  await host.getByRole('tab', { name: /^Queue/ }).click();
  const item = host.getByRole('listitem', { name: 'Stage request from Vee' });
  await expect(item).toContainText('Raised a hand on the watch page', { timeout: MEDIA_TIMEOUT });
  await item.getByRole('button', { name: 'Let on stage: stage request from Vee' }).click();
  await expect(hand.getByRole('heading', { name: "You're live on stage" })).toBeVisible({ timeout: MEDIA_TIMEOUT });

  // Another viewer sees Vee in the stage grid under the program, with her camera decoding.
  const watcherContext = await browser.newContext();
  contexts.push(watcherContext);
  const watcher = await watcherContext.newPage();
  await watcher.goto(`${studio.baseUrl}/watch`);
  const seat = watcher.getByRole('list', { name: 'On stage' }).getByRole('listitem', { name: 'Vee' });
  await expect(seat).toBeVisible({ timeout: MEDIA_TIMEOUT });
  await expect.poll(() => decodedFrames(seat), { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(5);
  await watcher.screenshot({ path: test.info().outputPath('watch-with-guest.png') });

  // Hands off: the watch page no longer offers one.
  await changeSettings(host, (page) => page.getByRole('checkbox', { name: 'Let viewers raise a hand to join the stage' }).uncheck());
  await watcher.reload();
  await expect(watcher.getByRole('list', { name: 'On stage' })).toBeVisible({ timeout: MEDIA_TIMEOUT });
  await expect(watcher.getByRole('button', { name: 'Raise hand' })).toHaveCount(0);
});
