import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/main/db/openDatabase';
import { createStream, endStream } from '../../src/main/db/history/streams';
import { parseCsv } from '../../src/main/analytics/csv';
import { seedSimulatedStream } from '../history/simulatedStream';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';

let studio: HeadlessStudio;

test.afterEach(async () => {
  await studio?.stop();
});

/** A data dir whose database already holds a finished, fully known show and two plain streams. */
function seededDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'airdeck-e2e-history-'));
  const db = openDatabase(join(dataDir, 'airdeck.sqlite'));
  seedSimulatedStream(db, { id: 'show', start: Date.UTC(2026, 10, 20, 18, 0, 0) });
  for (const [i, title] of ['Morning coffee chat', 'Retro: what went wrong'].entries()) {
    const startedAt = Date.UTC(2026, 10, 10 + i, 9, 0, 0);
    createStream(db, { id: `plain-${i}`, roomName: `plain-${i}`, title, tags: ['weekly'], mode: 'camera_grid', startedAt });
    endStream(db, `plain-${i}`, startedAt + 30 * 60_000, 'host_ended');
  }
  db.close();
  return dataDir;
}

async function openHistory(page: Page): Promise<void> {
  await studio.openStudio(page);
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('table', { name: 'Past streams' })).toBeVisible();
}

function stat(page: Page, term: string) {
  return page.getByRole('definition').filter({ has: page.locator(`xpath=preceding-sibling::dt[.="${term}"]`) });
}

test('History → stream detail shows the numbers and charts of a finished stream', async ({ page }) => {
  studio = await startHeadless({ dataDir: seededDataDir() });
  await openHistory(page);
  await expect(page.getByRole('status').filter({ hasText: '3 streams' })).toBeVisible();
  await page.getByRole('button', { name: 'Open Launch day Q&A' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Launch day Q&A' })).toBeVisible();
  await expect(stat(page, 'Duration')).toHaveText('10:00');
  await expect(stat(page, 'Peak viewers')).toHaveText('3');
  await expect(stat(page, 'Average viewers')).toHaveText('1.9');
  await expect(stat(page, 'Unique viewers')).toHaveText('4');
  await expect(stat(page, 'Total watch time')).toHaveText('19:00');
  await expect(stat(page, 'Chat messages')).toHaveText(/^6\s*3 held, 1 rejected, 1 deleted, 1 never reviewed$/);
  await expect(stat(page, 'Moderation actions')).toHaveText('4');

  // Each chart is drawn (an SVG with a line, bars or an area) and carries a text summary.
  const viewers = page.getByRole('figure', { name: 'Concurrent viewers' });
  await expect(viewers).toHaveAccessibleDescription('Peak of 3 concurrent viewers first reached at 4 min; average 1.9.');
  await expect(viewers.locator('.recharts-line-curve')).toHaveCount(1);
  const chat = page.getByRole('figure', { name: 'Chat messages per minute' });
  await expect(chat.locator('.recharts-bar-rectangle path').first()).toBeVisible();
  const retention = page.getByRole('figure', { name: 'Retention' });
  await expect(retention).toHaveAccessibleDescription('Half of the viewers watched at least 4 min; 25% watched 10 min or more.');
  await expect(retention.locator('.recharts-area-area')).toHaveCount(1);

  // Hovering the viewer chart shows the value under the pointer.
  const plot = viewers.locator('.recharts-cartesian-grid');
  const box = (await plot.boundingBox())!;
  // 42% of the way along a 10-minute axis is 4.2 min; the tooltip snaps to the point at 4 min.
  await page.mouse.move(box.x + box.width * 0.42, box.y + box.height / 2);
  await expect(viewers.locator('.recharts-tooltip-wrapper')).toContainText('At 4 min');
  await expect(viewers.locator('.recharts-tooltip-wrapper')).toContainText('Viewers : 3');

  // The table alternative holds the same numbers.
  await retention.getByText('Show the numbers').click();
  const retentionTable = retention.getByRole('table', { name: 'Viewers who watched at least this long' });
  await expect(retentionTable.getByRole('row', { name: '3 min 3 75%' })).toBeVisible();

  // Guests with their stage time, and a quality timeline for each guest that reported one.
  const guests = page.getByRole('table', { name: 'Guests and stage time' });
  await expect(guests.getByRole('row', { name: /Ana 6:00 1:00–3:00, 6:00–10:00/ })).toBeVisible();
  await expect(guests.getByRole('row', { name: /Cy 1:00/ })).toBeVisible();
  await expect(guests.getByRole('row', { name: /G-BEN 0:00 Never on stage/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Connection quality: Ana' })).toHaveAccessibleDescription(
    'Ana: excellent at 1 min, good at 2 min, lost at 7 min, good at 7.5 min.',
  );

  // The moderation log says who did what to whom.
  const log = page.getByRole('table', { name: 'Moderation log' });
  await expect(log.getByRole('row')).toHaveCount(5);
  await expect(log.getByRole('row', { name: '3:10 host delete v2 rude, "really"' })).toBeVisible();

  // The transcript carries moderation marks.
  const messages = page.getByRole('list', { name: 'Messages' });
  await expect(messages.getByRole('listitem')).toHaveCount(6);
  await expect(messages.getByText('Held (link), rejected by host')).toBeVisible();
  await expect(messages.getByText('Held (new chatter), approved by moderator:ana')).toBeVisible();
  await expect(messages.getByText('Deleted by host')).toBeVisible();
});

test('transcript search, export, cross-stream search and delete with confirm', async ({ page }) => {
  studio = await startHeadless({ dataDir: seededDataDir() });
  await openHistory(page);

  // Search every stream's chat and jump into the stream at the match.
  await page.getByRole('searchbox', { name: 'Search chat in every stream' }).fill('pricing');
  await page.getByRole('button', { name: 'Search chat' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 messages match “pricing”' })).toBeVisible();
  await page.getByRole('button', { name: 'Open Launch day Q&A at this message' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Messages 1–1 of 1 matching “pricing”' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText('late question about pricing');

  // Export the chat as CSV: the downloaded file parses back to the six messages.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export chat as CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('airdeck-launch-day-q-a-2026-11-20-chat.csv');
  const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
  expect(rows).toHaveLength(7);
  expect(rows.map((row) => row[7])).toEqual(['status', 'visible', 'visible', 'rejected', 'visible', 'deleted', 'held']);
  expect(rows[4]![12]).toBe('=HYPERLINK("x") first time here');

  // Delete asks first; cancelling keeps the stream, confirming removes it.
  await page.getByRole('button', { name: 'Delete stream' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Launch day Q&A”?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Delete stream' }).click();
  await dialog.getByRole('button', { name: 'Delete stream' }).click();
  await expect(page.getByRole('table', { name: 'Past streams' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open Launch day Q&A', exact: true })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '2 streams' })).toBeVisible();

  // Gone after a reload too, chat included.
  await openHistory(page);
  await expect(page.getByRole('table', { name: 'Past streams' }).getByRole('button', { name: /^Open / })).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Search chat in every stream' }).fill('pricing');
  await page.getByRole('button', { name: 'Search chat' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No message matches “pricing”.' })).toBeVisible();
});

test('the history list filters by title, tag and date', async ({ page }) => {
  studio = await startHeadless({ dataDir: seededDataDir() });
  await openHistory(page);
  const search = page.getByRole('searchbox', { name: 'Title or tag' });
  await search.fill('weekly');
  await expect(page.getByRole('status').filter({ hasText: '2 streams match' })).toBeVisible();
  await search.fill('retro');
  await expect(page.getByRole('status').filter({ hasText: '1 stream match' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Past streams' }).getByRole('button', { name: /^Open / })).toHaveText([
    'Retro: what went wrong',
  ]);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 streams' })).toBeVisible();
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2026-11-15');
  await expect(page.getByRole('status').filter({ hasText: '1 stream match' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Past streams' }).getByRole('button', { name: /^Open / })).toHaveText(['Launch day Q&A']);
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2026-11-10');
  await expect(page.getByRole('table', { name: 'Past streams' }).getByRole('button', { name: /^Open / })).toHaveText([
    'Morning coffee chat',
  ]);
});
