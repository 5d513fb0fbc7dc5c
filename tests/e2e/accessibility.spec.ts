/**
 * An automated WCAG 2.2 AA audit (axe-core) of every page a person uses, in the states they see:
 * the studio idle and live, Settings (both pages), History and a stream's charts, the queue with
 * items, the moderator console, the watch page live and ended, and the guest page (name form and
 * waiting). Serious and critical violations fail the test; anything left out is listed below with
 * its reason. One studio serves the whole walk (each start builds the app on a 2-core machine).
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DevServer } from '../../src/main/rehearsal/index';
import { openDatabase } from '../../src/main/db/openDatabase';
import { seedSimulatedStream } from '../history/simulatedStream';
import { seriousViolations, type AuditExclusion } from '../support/e2e/axe';
import { openViewerChat, type ViewerChat } from '../support/e2e/chatClient';
import { Control } from '../support/e2e/control';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';
import { startLiveKit } from '../support/e2e/livekitDevServer';
import { liveBar } from '../support/e2e/studioPage';

/**
 * Parts of pages the audit leaves out. Empty: every page is audited whole. Add an entry only with
 * the reason a person would accept (e.g. third-party markup we cannot change).
 */
const EXCLUSIONS: readonly AuditExclusion[] = [];

const MEDIA_TIMEOUT = 60_000;

test.describe.serial('WCAG 2.2 AA audit of every page', () => {
  test.describe.configure({ timeout: 180_000 });
  let livekit: DevServer;
  let studio: HeadlessStudio;
  let control: Control;
  let host: Page;
  let chatter: ViewerChat | null = null;
  const contexts: BrowserContext[] = [];

  const audit = async (page: Page, what: string) => {
    expect.soft(await seriousViolations(page, EXCLUSIONS), `${what}: serious or critical WCAG violations`).toEqual([]);
  };

  /** Opens a page at `url`, or as the studio's owner when given the studio. */
  const newPage = async (browser: Browser, url: string | HeadlessStudio): Promise<Page> => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await (typeof url === 'string' ? page.goto(url) : url.openStudio(page));
    return page;
  };

  test.beforeAll(async ({ browser }) => {
    livekit = await startLiveKit({ departureTimeoutSec: 1 });
    // A finished stream with viewers, chat and guests, so History has a row and charts to audit.
    const dataDir = mkdtempSync(join(tmpdir(), 'airdeck-e2e-a11y-'));
    const db = openDatabase(join(dataDir, 'airdeck.sqlite'));
    seedSimulatedStream(db, { id: 'show', start: Date.UTC(2026, 10, 20, 18, 0, 0) });
    db.close();
    studio = await startHeadless({ dataDir });
    control = await Control.open(studio);
    await control.call('settings.update', { livekit: { url: livekit.url } });
    host = await newPage(browser, studio);
  });

  test.afterAll(async () => {
    chatter?.close();
    control?.close();
    for (const context of contexts) await context.close();
    await studio?.stop();
    await livekit?.close();
  });

  test('studio, idle', async () => {
    await expect(host.getByRole('button', { name: 'Go live' })).toBeVisible();
    await audit(host, 'studio idle');
  });

  test('keyboard shortcuts dialog', async () => {
    await host.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const dialog = host.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await audit(host, 'shortcuts dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });

  test('Settings, General and Chat rules', async () => {
    await host.getByRole('button', { name: 'Settings' }).click();
    await expect(host.getByRole('form', { name: 'Settings' })).toBeVisible();
    await audit(host, 'Settings, General');
    await host.getByRole('button', { name: 'Chat rules' }).click();
    await expect(host.getByRole('button', { name: /Save/ })).toBeVisible();
    await audit(host, 'Settings, Chat rules');
  });

  test('History list and a stream with charts', async () => {
    await host.getByRole('button', { name: 'History' }).click();
    await expect(host.getByRole('table', { name: 'Past streams' })).toBeVisible();
    await audit(host, 'History list');
    await host.getByRole('button', { name: 'Open Launch day Q&A' }).click();
    await expect(host.getByRole('figure', { name: 'Concurrent viewers' }).locator('.recharts-line-curve')).toHaveCount(1);
    await audit(host, 'stream detail');
  });

  test('studio, live', async () => {
    await host.getByRole('button', { name: 'Studio' }).click();
    await host.getByRole('textbox', { name: 'Stream title' }).fill('Audit night');
    await host.getByRole('radio', { name: /Voice only/ }).check();
    await host.getByRole('button', { name: 'Go live' }).click();
    await expect(liveBar(host)).toContainText('LIVE', { timeout: MEDIA_TIMEOUT });
    await expect(
      host.getByRole('complementary', { name: 'Chat and moderation' }).getByRole('textbox', { name: 'Chat message' }),
    ).toBeEnabled();
    await audit(host, 'studio live');
  });

  test('the queue with held messages', async () => {
    chatter = await openViewerChat(studio.baseUrl, 'Ben');
    // Links are held for review by default.
    chatter.send('see https://example.com/one');
    chatter.send('and https://example.com/two');
    const dock = host.getByRole('complementary', { name: 'Chat and moderation' });
    await dock.getByRole('tab', { name: /Queue/ }).click();
    await expect(dock.getByRole('listitem', { name: 'Held message from Ben' })).toHaveCount(2);
    await audit(host, 'queue with items');
  });

  test('the watch page, live', async ({ browser }) => {
    const viewer = await newPage(browser, `${studio.baseUrl}/watch`);
    await expect(viewer.getByRole('heading', { name: 'Audit night' })).toBeVisible({ timeout: MEDIA_TIMEOUT });
    await expect(viewer.getByRole('complementary', { name: 'Chat' }).getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
    await audit(viewer, 'watch page live');
  });

  test('the guest page: invite check and name form, then waiting', async ({ browser }) => {
    const invite = await control.call('invites.create', {
      role: 'guest',
      label: 'Ana',
      expiresInMinutes: 60,
      maxUses: 1,
    });
    const guest = await newPage(browser, invite.link);
    await expect(guest.getByRole('textbox', { name: 'Your name' })).toBeVisible();
    await audit(guest, 'guest name form');
    await guest.getByRole('textbox', { name: 'Your name' }).fill('Ana');
    await guest.getByRole('button', { name: 'Request to join' }).click();
    await expect(guest.getByRole('heading', { name: 'Waiting for the host' })).toBeVisible({ timeout: MEDIA_TIMEOUT });
    await audit(guest, 'guest waiting');
  });

  test('the moderator console', async ({ browser }) => {
    const link = await control.call('moderation.createModeratorLink', { label: 'Sam' });
    const console_ = await newPage(browser, link.url);
    await expect(console_.getByRole('main', { name: 'Moderator console' })).toBeVisible();
    await expect(console_.getByRole('listitem', { name: 'Held message from Ben' })).toHaveCount(2);
    await audit(console_, 'moderator console');
  });

  test('the watch page, ended', async ({ browser }) => {
    const viewer = await newPage(browser, `${studio.baseUrl}/watch`);
    await expect(viewer.getByRole('heading', { name: 'Audit night' })).toBeVisible({ timeout: MEDIA_TIMEOUT });
    await host.getByRole('button', { name: 'End stream' }).click();
    await host.getByRole('dialog', { name: 'End the stream?' }).getByRole('button', { name: 'End stream now' }).click();
    await expect(viewer.getByRole('heading', { name: 'The stream has ended' })).toBeVisible({ timeout: MEDIA_TIMEOUT });
    await audit(viewer, 'watch page ended');
  });
});
