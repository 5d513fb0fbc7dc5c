/**
 * Local recording: a short live session from the headless studio to the LiveKit dev server is
 * recorded while live; afterwards the file is in the data directory, is a WebM (EBML header,
 * "webm" doctype, a Duration written at the end), plays in a <video> with a real duration, and
 * is listed on the stream detail with its size and length.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { DevServer } from '../../src/main/rehearsal/index';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { changeSettings, liveBar } from '../support/e2e/studioPage';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';
import { startLiveKit } from '../support/e2e/livekitDevServer';

test.use({ launchOptions: chromiumLaunchOptions(['--auto-select-desktop-capture-source=Entire screen']) });

const MEDIA_TIMEOUT = 60_000;
const RECORDED_SECONDS = 5;

let livekit: DevServer | undefined;
let studio: HeadlessStudio | undefined;

test.afterEach(async () => {
  await studio?.stop();
  await livekit?.close();
  studio = undefined;
  livekit = undefined;
});

/** Bytes recorded so far, from the REC badge ("Recording, 1.2 MB saved"). */
async function recordedBytes(page: Page): Promise<number> {
  const label =
    (await liveBar(page)
      .getByLabel(/^Recording, /)
      .getAttribute('aria-label')
      // No REC badge yet counts as nothing saved; callers poll.
      .catch(() => null)) ?? '';
  const match = /Recording, ([\d.]+) (B|KB|MB|GB) saved/.exec(label);
  if (!match) return 0;
  return Number(match[1]) * { B: 1, KB: 1e3, MB: 1e6, GB: 1e9 }[match[2] as 'B' | 'KB' | 'MB' | 'GB'];
}

test('a short live session leaves a playable WebM, listed on the stream detail', async ({ page }) => {
  test.setTimeout(240_000);
  livekit = await startLiveKit();
  studio = await startHeadless();
  await studio.openStudio(page);
  const url = livekit.url;
  await changeSettings(page, async (settings) => {
    await settings.getByRole('textbox', { name: 'Server URL' }).fill(url);
    await expect(settings.getByRole('checkbox', { name: 'Record every stream to this computer' })).toBeChecked();
  });

  await expect(page.getByLabel('Camera preview')).toBeVisible();
  await page.getByRole('button', { name: 'Share screen' }).click();
  await expect(page.getByLabel('Shared screen preview')).toBeVisible();
  await page.getByRole('textbox', { name: 'Stream title' }).fill('Recorded demo');
  await page.getByRole('button', { name: 'Go live' }).click();
  await expect(liveBar(page)).toContainText('LIVE', { timeout: MEDIA_TIMEOUT });

  // Pieces reach the data directory while live, not only at the end.
  await expect.poll(() => recordedBytes(page), { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(0);
  const dir = join(studio.dataDir, 'recordings');
  const [fileName] = readdirSync(dir);
  expect(fileName).toMatch(/_recorded-demo_[A-Za-z0-9_-]+\.webm$/);
  await expect.poll(() => statSync(join(dir, fileName!)).size, { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(0);
  await page.waitForTimeout(RECORDED_SECONDS * 1000);
  await page.screenshot({ path: test.info().outputPath('studio-recording.png') });

  await page.getByRole('button', { name: 'End stream' }).click();
  await page.getByRole('dialog', { name: 'End the stream?' }).getByRole('button', { name: 'End stream now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stream ended' })).toContainText(/Recording: [\d.]+ (KB|MB)/, {
    timeout: MEDIA_TIMEOUT,
  });

  // The file: an EBML header with the "webm" doctype, and the duration written into it.
  const file = readFileSync(join(dir, fileName!));
  expect(file.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
  expect(file.subarray(0, 64).includes(Buffer.from('webm'))).toBe(true);
  const durationAt = file.subarray(0, 4096).indexOf(Buffer.from([0x44, 0x89, 0x88]));
  expect(durationAt).toBeGreaterThan(0);
  expect(file.readDoubleBE(durationAt + 3)).toBeGreaterThan((RECORDED_SECONDS - 1) * 1000);

  // History → the stream → its recording, with size and length, played in the studio.
  await page.getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: 'Open Recorded demo' }).click();
  const section = page.getByRole('region', { name: 'Recording' });
  await expect(section).toContainText(fileName!);
  await expect(section).toContainText(/Complete/);
  await expect(section).toContainText(/\d:\d{2} · [\d.]+ (KB|MB)/);
  await section.getByRole('button', { name: 'Play' }).click();
  await expect(section.locator('video')).toHaveCount(1);
  const duration = await section.locator('video').evaluate(
    (video: HTMLVideoElement) =>
      new Promise<number>((resolve, reject) => {
        const done = () => resolve(video.duration);
        if (video.readyState >= 1) done();
        video.addEventListener('loadedmetadata', done, { once: true });
        video.addEventListener('error', () => reject(new Error(`video error ${video.error?.code}`)), { once: true });
      }),
  );
  expect(Number.isFinite(duration)).toBe(true);
  expect(duration).toBeGreaterThan(RECORDED_SECONDS - 1);
  // A frame from the middle, for a person to look at: the shared screen with the camera in its corner.
  const video = section.locator('video');
  await video.evaluate(
    (element: HTMLVideoElement) =>
      new Promise<void>((resolve) => {
        element.pause();
        element.addEventListener('seeked', () => resolve(), { once: true });
        element.currentTime = element.duration / 2;
      }),
  );
  await video.screenshot({ path: test.info().outputPath('recorded-frame.png') });
});
