/**
 * The studio's share dialog: the capture sources main lists, grouped by kind, and the one the
 * host picks sent back to main.
 */
import { expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';

// Chromium's fake desktop capture answers getDisplayMedia with a generated "screen", no picker
// (the same launch options as go-live.spec.ts, where these tests came from).
test.use({ launchOptions: chromiumLaunchOptions(['--auto-select-desktop-capture-source=Entire screen']) });

let studio: HeadlessStudio | undefined;
test.afterEach(async () => {
  await studio?.stop();
  studio = undefined;
});

/** A 2x2 PNG, enough for a thumbnail <img> to load. */
const THUMBNAIL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR4nGNkYPj/n4GBgYGJgYGBAQAZ9AIDjOpNVQAAAABJRU5ErkJggg==';

test('the share dialog shows the sources main lists, grouped, and sends the one picked back to main', async ({ page }) => {
  studio = await startHeadless();
  // The subject is the studio's dialog. The headless studio has no desktopCapturer, so main answers
  // "browser picker"; here two capture answers stand in for the desktop app's main, and every
  // other frame passes through. The desktop app's real capture path is covered by the Electron
  // spec (electron-window.spec.ts), which runs wherever Electron is installed.
  const selected: unknown[] = [];
  await page.routeWebSocket(/\/control$/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { id: number; method: string; params: unknown };
      if (frame.method === 'capture.listSources') {
        const sources = [
          { id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: THUMBNAIL, appIcon: null },
          { id: 'window:42:0', name: 'Slides — Keynote', kind: 'window', thumbnail: THUMBNAIL, appIcon: THUMBNAIL },
        ];
        socket.send(JSON.stringify({ type: 'result', id: frame.id, result: { ok: true, value: { picker: 'app', sources } } }));
      } else if (frame.method === 'capture.selectSource') {
        selected.push(frame.params);
        socket.send(JSON.stringify({ type: 'result', id: frame.id, result: { ok: true, value: { selected: 'window:42:0' } } }));
      } else server.send(message);
    });
  });
  await studio.openStudio(page);
  await page.getByRole('button', { name: 'Share screen' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose what to share' });
  await expect(picker.getByRole('region', { name: 'Screens' }).getByRole('button')).toHaveCount(1);
  await expect(picker.getByRole('region', { name: 'Windows' }).getByRole('button')).toHaveCount(1);
  await picker.getByRole('button', { name: 'Share Slides — Keynote' }).click();
  await expect(picker).toBeHidden();
  expect(selected).toEqual([{ id: 'window:42:0', withAudio: false }]);
  await expect(page.getByLabel('Shared screen preview')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Switch shared source' })).toBeVisible();
});
