/**
 * Multistream from the studio: with local recording off, a custom RTMP destination added in
 * Settings › Destinations receives the program while live (H.264 + AAC, probed from what the
 * ingest wrote), the live bar shows it live, its switch turns it off while live, and the stream
 * key never reaches the page. The go-live panel plans the upload before going live, the measured
 * total shows while live, and what the connection carried is known once the stream ends.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { DevServer } from '../../src/main/rehearsal/index';
import { freePort, probe, startIngest } from '../multistream/rtmpServers';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';
import { startLiveKit } from '../support/e2e/livekitDevServer';
import { liveBar, saveSettings } from '../support/e2e/studioPage';

test.use({ launchOptions: chromiumLaunchOptions(['--auto-select-desktop-capture-source=Entire screen']) });

const MEDIA_TIMEOUT = 60_000;
const KEY = 'e2e-stream-key-5f1a9c';

let livekit: DevServer | undefined;
let studio: HeadlessStudio | undefined;
let ingest: ReturnType<typeof startIngest> | undefined;

test.afterEach(async () => {
  ingest?.child.kill('SIGKILL');
  await studio?.stop();
  await livekit?.close();
  studio = undefined;
  livekit = undefined;
  ingest = undefined;
});

test('the program reaches an RTMP destination while live, and its switch turns it off', async ({ page }) => {
  test.setTimeout(240_000);
  livekit = await startLiveKit();
  studio = await startHeadless();
  const port = await freePort();
  const received = join(mkdtempSync(join(tmpdir(), 'airdeck-ingest-')), 'received.flv');
  ingest = startIngest(port, received);

  await studio.openStudio(page);
  const url = livekit.url;
  await saveSettings(page, async (settings) => {
    await settings.getByRole('textbox', { name: 'Server URL' }).fill(url);
    await settings.getByRole('checkbox', { name: 'Record every stream to this computer' }).uncheck();
  });

  await page.getByRole('navigation', { name: 'Settings pages' }).getByRole('button', { name: 'Destinations' }).click();
  await page.getByRole('combobox', { name: 'Service' }).selectOption('custom');
  await page.getByRole('textbox', { name: 'Name' }).fill('Test ingest');
  await page.getByRole('textbox', { name: 'Server URL' }).fill('not-a-url');
  await page.getByLabel('Stream key').fill(KEY);
  await page.getByRole('button', { name: 'Add destination' }).click();
  await expect(page.getByText(/must be an rtmp:\/\/ or rtmps:\/\/ URL/)).toBeVisible();
  await page.getByRole('textbox', { name: 'Server URL' }).fill(`rtmp://127.0.0.1:${port}/live`);
  await page.getByRole('button', { name: 'Add destination' }).click();
  await expect(page.getByText('Added Test ingest.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Destinations' }).getByRole('switch', { name: 'Send to Test ingest' })).toBeChecked();

  await page.getByRole('button', { name: 'Studio' }).click();
  await page.getByRole('button', { name: 'Share screen' }).click();
  await expect(page.getByLabel('Shared screen preview')).toBeVisible();
  await page.getByRole('textbox', { name: 'Stream title' }).fill('Multistreamed');
  // Before going live the panel plans the upload: LiveKit plus one upload at 3000 + 128 kbps.
  const golive = page.getByRole('region', { name: 'Go live' });
  await expect(golive).toContainText(/About \d+\.\d Mbit\/s up: LiveKit \d+\.\d \+ 1 destination × 3\.1/);
  await expect(golive).toContainText('How much your connection can carry is not known yet');
  await page.getByRole('button', { name: 'Go live' }).click();
  await expect(liveBar(page)).toContainText('LIVE', { timeout: MEDIA_TIMEOUT });

  const live = page.getByRole('region', { name: 'Destinations' });
  await expect(live).toContainText(/Test ingest\s*Live/, { timeout: MEDIA_TIMEOUT });
  await expect(live).toContainText(/\d+(\.\d)? (kbps|Mbps)/);
  await expect(live).toContainText(/Sending \d+\.\d Mbit\/s up: LiveKit \d+\.\d \+ 1 destination \d+\.\d/);
  await page.screenshot({ path: test.info().outputPath('studio-multistream.png') });

  // The switch follows main's answer, so wait for it instead of expecting the click to flip it at once.
  const liveSwitch = live.getByRole('switch', { name: 'Send to Test ingest' });
  await liveSwitch.click();
  await expect(liveSwitch).not.toBeChecked();
  await expect(live).toContainText(/Test ingest\s*Off/);
  // The ingest ends when the publisher leaves.
  await ingest.exited;

  await page.getByRole('button', { name: 'End stream' }).click();
  await page.getByRole('dialog', { name: 'End the stream?' }).getByRole('button', { name: 'End stream now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stream ended' })).toBeVisible({ timeout: MEDIA_TIMEOUT });
  // What the publisher's connection carried while live is known for the next stream.
  await expect(page.getByRole('region', { name: 'Go live' })).toContainText(/Your connection has carried up to \d+\.\d Mbit\/s/);

  const probed = await probe(received);
  expect(probed.text).toMatch(/Video: h264.*1280x720/);
  expect(probed.text).toMatch(/Audio: aac/);
  expect(probed.frames).toBeGreaterThan(0);
  expect(await page.content()).not.toContain(KEY);
  // Recording was off: the program fed the destination without leaving a file.
  const recordings = join(studio.dataDir, 'recordings');
  expect(existsSync(recordings) ? readdirSync(recordings) : []).toEqual([]);
});
