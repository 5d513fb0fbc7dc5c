import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installedElectron } from './support/electron';

const electronBinary = installedElectron();

test.describe('desktop window security', () => {
  test.skip(electronBinary.path === null, electronBinary.path === null ? electronBinary.reason : '');
  if (electronBinary.path === null) console.log(`[skipped] Electron specs: ${electronBinary.reason}`);

  test('the studio window is isolated, sandboxed and exposes only the typed API', async () => {
    const app = await electron.launch({
      executablePath: electronBinary.path!,
      args: ['.'],
      env: { ...process.env, AIRDECK_DATA_DIR: mkdtempSync(join(tmpdir(), 'airdeck-electron-')) },
    });
    try {
      const studioWindow = await app.firstWindow();
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const win = BrowserWindow.getAllWindows()[0]!;
        const web = win.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> };
        return web.getLastWebPreferences();
      });
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
      const exposed = await studioWindow.evaluate(() => ({
        api: Object.keys((window as unknown as { airdeck: object }).airdeck).sort(),
        hasRequire: typeof (window as unknown as { require?: unknown }).require,
        hasIpc: 'ipcRenderer' in window,
      }));
      expect(exposed).toEqual({ api: ['invoke', 'subscribe'], hasRequire: 'undefined', hasIpc: false });
      const opened = await studioWindow.evaluate(() => window.open('https://example.com') === null);
      expect(opened).toBe(true);
      await expect(studioWindow.getByRole('button', { name: 'Settings' })).toBeVisible();
    } finally {
      await app.close();
    }
  });

  test("the desktop picker lists this machine's screens from Electron and shares the one picked", async () => {
    const app = await electron.launch({
      executablePath: electronBinary.path!,
      args: ['.'],
      env: { ...process.env, AIRDECK_DATA_DIR: mkdtempSync(join(tmpdir(), 'airdeck-electron-')) },
    });
    try {
      const studioWindow = await app.firstWindow();
      await studioWindow.getByRole('button', { name: 'Share screen' }).click();
      const picker = studioWindow.getByRole('dialog', { name: 'Choose what to share' });
      const screens = picker.getByRole('region', { name: 'Screens' }).getByRole('button');
      await expect(screens.first()).toBeVisible();
      await screens.first().click();
      await expect(picker).toBeHidden();
      await expect(studioWindow.getByLabel('Shared screen preview')).toBeVisible();
    } finally {
      await app.close();
    }
  });
});
