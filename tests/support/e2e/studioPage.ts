import { expect, type Locator, type Page } from '@playwright/test';

/** The studio's live bar ("Not live", "LIVE", "Reconnecting…"). */
export function liveBar(page: Page): Locator {
  return page.getByRole('status', { name: 'Stream status' });
}

/**
 * Opens Settings, lets `change` fill the form, saves and waits until the studio confirms; Settings
 * stays open for a spec that goes on to another settings page.
 */
export async function saveSettings(page: Page, change: (page: Page) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await change(page);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
}

/** `saveSettings`, then back to the Studio. */
export async function changeSettings(page: Page, change: (page: Page) => Promise<void>): Promise<void> {
  await saveSettings(page, change);
  await page.getByRole('button', { name: 'Studio' }).click();
}

/** Points the studio at a LiveKit server (and optionally a secret) through the Settings page. */
export async function configureLiveKit(page: Page, url: string, secret?: string): Promise<void> {
  await changeSettings(page, async (settings) => {
    await settings.getByRole('textbox', { name: 'Server URL' }).fill(url);
    if (secret) await settings.getByLabel('API secret').fill(secret);
  });
}
