import { expect, test } from '@playwright/test';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';

let studio: HeadlessStudio;

test.afterEach(async () => {
  await studio?.stop();
});

test('settings saved in the studio survive a restart of the headless server', async ({ page }) => {
  studio = await startHeadless();
  await studio.openStudio(page);
  // The session token leaves the address bar once the cookie is set.
  await expect(page).toHaveURL(`${studio.baseUrl}/`);
  await page.getByRole('button', { name: 'Settings' }).click();

  const url = page.getByRole('textbox', { name: 'Server URL' });
  await expect(url).toHaveValue('ws://127.0.0.1:7880');
  await url.fill('wss://demo.livekit.cloud');
  await page.getByRole('textbox', { name: 'API key' }).fill('APIdemo123');
  await page.getByLabel('API secret').fill('a-very-private-secret');
  await page.getByRole('textbox', { name: 'Public base URL' }).fill('https://tunnel.example.com');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  // Write-only: the secret field is empty again and says one is stored.
  await expect(page.getByLabel('API secret')).toHaveValue('');
  await expect(page.getByText('A secret is saved. Leave empty to keep it.')).toBeVisible();

  const dataDir = studio.dataDir;
  await studio.stop();
  studio = await startHeadless({ dataDir });
  await studio.openStudio(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('textbox', { name: 'Server URL' })).toHaveValue('wss://demo.livekit.cloud');
  await expect(page.getByRole('textbox', { name: 'API key' })).toHaveValue('APIdemo123');
  await expect(page.getByRole('textbox', { name: 'Public base URL' })).toHaveValue('https://tunnel.example.com');
  await expect(page.getByText('A secret is saved. Leave empty to keep it.')).toBeVisible();
  expect(await page.content()).not.toContain('a-very-private-secret');
});

test('invalid settings show a clear error and are not saved', async ({ page }) => {
  studio = await startHeadless();
  await studio.openStudio(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Server URL' }).fill('not-a-url');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: /ws:\/\/, wss:\/\// })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('textbox', { name: 'Server URL' })).toHaveValue('ws://127.0.0.1:7880');
});

test('the studio is refused without its session token, or with a wrong one', async ({ page }) => {
  studio = await startHeadless();
  const bare = await page.goto(studio.baseUrl);
  expect(bare?.status()).toBe(401);
  await expect(page.getByRole('heading', { name: 'This studio link is not valid' })).toBeVisible();
  const forged = await page.goto(`${studio.baseUrl}/?session=forged`);
  expect(forged?.status()).toBe(401);
  // The printed link works once; the harness has used it, so a second visit is refused, and told why.
  const spent = await page.goto(studio.printedUrl);
  expect(spent?.status()).toBe(401);
  await expect(page.getByText('Studio links work once')).toBeVisible();
});

test('history shows a real empty state on a new install', async ({ page }) => {
  studio = await startHeadless();
  await studio.openStudio(page);
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'No streams yet' })).toBeVisible();
});

test('test connection reports an unreachable LiveKit server', async ({ page }) => {
  studio = await startHeadless();
  await studio.openStudio(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  // Port 9 (discard) on loopback has no LiveKit server.
  await page.getByRole('textbox', { name: 'Server URL' }).fill('ws://127.0.0.1:9');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status', { name: 'Connection test result' })).toContainText('Server unreachable');
});
