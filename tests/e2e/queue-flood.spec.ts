/**
 * The queue under a raid: ten chatters post 50 held messages a second for 10 s while the host has
 * the queue open. A screen reader must hear a handful of summaries, not 500 sentences (at most 5
 * queue announcements, which together count every message), and the queue must still work from
 * the keyboard afterwards.
 */
import { expect, test, type Page } from '@playwright/test';
import type { DevServer } from '../../src/main/rehearsal/index';
import { openViewerChat, type ViewerChat } from '../support/e2e/chatClient';
import { Control } from '../support/e2e/control';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';
import { expectVisibleFocus, tabTo } from '../support/e2e/keyboard';
import { startLiveKit } from '../support/e2e/livekitDevServer';

const RATE = 50;
const SECONDS = 10;
const TOTAL = RATE * SECONDS;

test.describe.configure({ timeout: 240_000 });

let livekit: DevServer;
let studio: HeadlessStudio;
let control: Control;
/** A raid is many chatters: each stays within the chat socket's per-socket frame budget. */
const RAIDERS = 10;
const raiders: ViewerChat[] = [];

test.beforeAll(async () => {
  livekit = await startLiveKit();
  studio = await startHeadless();
  control = await Control.open(studio);
  await control.call('settings.update', { livekit: { url: livekit.url } });
  // Lift the per-chatter rate limit so every message of the raid is held, none refused.
  await control.call('rules.update', { links: 'hold', rateLimit: { messages: 1000, perSeconds: 1 } });
  await control.call('stream.start', { title: 'Raid night', mode: 'voice_only' });
});

test.afterAll(async () => {
  for (const raider of raiders) raider.close();
  control?.close();
  await studio?.stop();
  await livekit?.close();
});

declare global {
  interface Window {
    __announcements?: string[];
  }
}

/** Every text the moderation live region takes, in order (what a screen reader would be handed). */
async function recordAnnouncements(host: Page): Promise<void> {
  await host.evaluate(() => {
    const region = document.querySelector('[data-testid="moderation-announcer"]')!;
    window.__announcements = [];
    new MutationObserver(() => {
      const text = region.textContent ?? '';
      if (text) window.__announcements!.push(text);
    }).observe(region, { subtree: true, childList: true, characterData: true });
  });
}

/** How many arrivals an announcement reports: a full sentence is one, a batch says its count. */
function arrivalsIn(text: string): number {
  if (/^Held message from /.test(text)) return 1;
  return Number(/^(\d+) new held messages?/.exec(text)?.[1] ?? 0);
}

test(`${RATE} held messages a second for ${SECONDS} s: at most 5 queue announcements, and the queue still works by keyboard`, async ({
  page: host,
}) => {
  await studio.openStudio(host);
  const dock = host.getByRole('complementary', { name: 'Chat and moderation' });
  await expect(dock.getByRole('textbox', { name: 'Chat message' })).toBeEnabled();
  // The host sits in the queue, as a moderator facing a raid would.
  await host.keyboard.press('Tab');
  await expect(host.getByRole('link', { name: 'Skip to moderation queue' })).toBeFocused();
  await host.keyboard.press('Enter');
  await expect(host.locator('#moderation-queue')).toBeFocused();
  await recordAnnouncements(host);

  for (let i = 0; i < RAIDERS; i++) raiders.push(await openViewerChat(studio.baseUrl, 'Raider'));
  const start = Date.now();
  for (let i = 0; i < TOTAL; i++) {
    // Paced on an absolute schedule, so a slow send does not stretch the flood.
    const due = start + (i * 1000) / RATE;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    raiders[i % RAIDERS]!.send(`raid ${i} https://example.com/${i}`);
  }

  const items = dock.getByRole('listitem', { name: 'Held message from Raider' });
  await expect(items).toHaveCount(TOTAL, { timeout: 90_000 });
  // The last batch is said once its hold-off ends; wait until the announcements account for all.
  const announcements = () => host.evaluate(() => window.__announcements ?? []);
  await expect.poll(async () => (await announcements()).reduce((sum, text) => sum + arrivalsIn(text), 0), { timeout: 30_000 }).toBe(TOTAL);
  const said = await announcements();
  console.log(`queue announcements during the flood:\n  ${said.join('\n  ')}`);
  expect(said.length).toBeLessThanOrEqual(5);
  expect(said.at(-1)).toContain(`${TOTAL} in queue.`);

  // Still operable by keyboard: the skip link lands on the oldest item, a approves it and focus
  // moves to the next, j moves on, r rejects.
  await tabTo(host, host.getByRole('link', { name: 'Skip to moderation queue' }), { backwards: true });
  await host.keyboard.press('Enter');
  const first = items.first();
  await expectVisibleFocus(first);
  await expect(first).toContainText('raid 0 ');
  await host.keyboard.press('a');
  await expect(host.getByTestId('moderation-announcer')).toContainText(`Approved message from Raider. ${TOTAL - 1} in queue.`);
  await expect(items).toHaveCount(TOTAL - 1);
  await expect(items.first()).toBeFocused();
  await expect(items.first()).toContainText('raid 1 ');
  await host.keyboard.press('j');
  await expect(items.nth(1)).toBeFocused();
  await host.keyboard.press('r');
  await expect(host.getByTestId('moderation-announcer')).toContainText(`Dropped message from Raider. ${TOTAL - 2} in queue.`);
  await expect(items).toHaveCount(TOTAL - 2);
  await expect(items.nth(1)).toContainText('raid 3 ');
});
