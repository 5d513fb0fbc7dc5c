import { expect, type Locator, type Page } from '@playwright/test';

/** The studio's live bar ("Not live", "LIVE", "Reconnecting…"). */
export function liveBar(page: Page): Locator {
  return page.getByRole('status', { name: 'Stream status' });
}

/** Points the studio at a LiveKit server (and optionally a secret) through the Settings page. */
export async function configureLiveKit(page: Page, url: string, secret?: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('textbox', { name: 'Server URL' }).fill(url);
  if (secret) await page.getByLabel('API secret').fill(secret);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Studio' }).click();
}
