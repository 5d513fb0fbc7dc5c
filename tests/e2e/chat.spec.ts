/**
 * Chat and moderation end to end, in Chromium against the headless studio and the LiveKit dev
 * server: a viewer's message reaches the studio dock; a held message is approved from the queue
 * by keyboard and reaches the viewer; a co-moderator console offers no settings or end, and its
 * session cannot end the stream. The stream is started over the control socket (chat needs a
 * live stream row, not media).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { DevServer } from '../../src/main/rehearsal/index';
import { FrameClient } from '../support/frameClient';
import { present, valueOf } from '../support/contractCall';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';
import { startLiveKit } from '../support/e2e/livekitDevServer';

// Each test opens the studio, a viewer page that joins the LiveKit room, and sometimes a console:
// more than the default budget on a busy 2-core machine.
test.describe.configure({ timeout: 150_000 });

let livekit: DevServer;
let studio: HeadlessStudio;
let owner: FrameClient;
const pages: Page[] = [];

test.beforeAll(async () => {
  livekit = await startLiveKit();
});
test.afterAll(async () => {
  await livekit?.close();
});

test.beforeEach(async () => {
  studio = await startHeadless();
  owner = await FrameClient.open(studio.controlUrl);
  expect((await owner.call('settings.update', { livekit: { url: livekit.url } })).ok).toBe(true);
  const started = await owner.call('stream.start', { title: 'Chat night', mode: 'voice_only' });
  expect(started.ok, JSON.stringify(started)).toBe(true);
});

test.afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
  owner?.close();
  await studio?.stop();
});

/** Opens a page at `url`, or as the studio's owner when given the studio. */
async function open(browser: Browser, url: string | HeadlessStudio): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  pages.push(page);
  const name = typeof url === 'string' ? url : 'studio';
  page.on('pageerror', (error) => console.log(`[page error] ${name}: ${error.message}`));
  await (typeof url === 'string' ? page.goto(url) : url.openStudio(page));
  return page;
}

/** Opens the viewer page, waits for its chat to connect and picks a chat name. */
async function openViewer(browser: Browser, name: string): Promise<Page> {
  const viewer = await open(browser, `${studio.baseUrl}/watch`);
  const chat = viewer.getByRole('complementary', { name: 'Chat' });
  await expect(chat.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await chat.getByRole('button', { name: 'Change name' }).click();
  await chat.getByRole('textbox', { name: 'Your chat name' }).fill(name);
  await chat.getByRole('button', { name: 'Save' }).click();
  await expect(chat.getByText(`Chatting as ${name}`)).toBeVisible();
  await expect(chat.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  return viewer;
}

async function send(viewer: Page, text: string): Promise<void> {
  const chat = viewer.getByRole('complementary', { name: 'Chat' });
  await chat.getByRole('textbox', { name: 'Chat message' }).fill(text);
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByRole('textbox', { name: 'Chat message' })).toHaveValue('');
}

test("a viewer's message shows in the studio dock with the viewer's name", async ({ browser }) => {
  const host = await open(browser, studio);
  const dock = host.getByRole('complementary', { name: 'Chat and moderation' });
  await expect(dock.getByRole('textbox', { name: 'Chat message' })).toBeEnabled();

  const viewer = await openViewer(browser, 'Ana');
  await send(viewer, 'Hello from the audience!');

  const row = dock.getByRole('list', { name: 'Chat messages' }).getByRole('listitem').filter({ hasText: 'Hello from the audience!' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Ana');

  // The host answers from the dock; the viewer sees it with the host badge.
  await dock.getByRole('textbox', { name: 'Chat message' }).fill('Welcome, Ana');
  await dock.getByRole('button', { name: 'Send' }).click();
  const answer = viewer.getByRole('complementary', { name: 'Chat' }).getByRole('listitem').filter({ hasText: 'Welcome, Ana' });
  await expect(answer).toContainText('Host');
});

test('a held message waits in the queue, is approved by keyboard, and then reaches the viewer', async ({ browser }) => {
  // Links are held for review by default; say so explicitly so the test does not lean on a default.
  expect((await owner.call('rules.update', { links: 'hold' })).ok).toBe(true);
  const host = await open(browser, studio);
  const dock = host.getByRole('complementary', { name: 'Chat and moderation' });
  const viewer = await openViewer(browser, 'Ben');
  const viewerChat = viewer.getByRole('complementary', { name: 'Chat' });

  await send(viewer, 'my site https://example.com/promo');
  await expect(viewerChat.getByText('Your message is waiting for a moderator to approve it.')).toBeVisible();
  await expect(viewerChat.getByRole('listitem').filter({ hasText: 'https://example.com/promo' })).toHaveCount(0);

  // The count badge and the announcement tell the host before they open the queue.
  const queueTab = dock.getByRole('tab', { name: /Queue/ });
  await expect(queueTab).toContainText('1');
  await expect(host.getByTestId('moderation-announcer')).toContainText('Held message from Ben');

  await queueTab.click();
  const item = dock.getByRole('listitem', { name: 'Held message from Ben' });
  await expect(item).toContainText('https://example.com/promo');
  await item.focus();
  await host.keyboard.press('a');

  await expect(item).toHaveCount(0);
  await expect(host.getByTestId('moderation-announcer')).toContainText('Approved message from Ben');
  await expect(queueTab).not.toContainText('1');
  const approved = viewerChat.getByRole('listitem').filter({ hasText: 'my site https://example.com/promo' });
  await expect(approved).toBeVisible();
  // Links render as links only for http(s); this one is.
  await expect(approved.getByRole('link', { name: 'https://example.com/promo' })).toHaveAttribute('href', 'https://example.com/promo');

  // The decision is in the audit log with its actor and target.
  await dock.getByRole('tab', { name: 'Audit log' }).click();
  const entry = dock.getByRole('row').filter({ hasText: 'Approved' });
  await expect(entry).toContainText('Host');
  await expect(entry).toContainText('Ben');
});

test('a co-moderator console has no End or Settings, and its session cannot end the stream', async ({ browser }) => {
  const host = await open(browser, studio);
  const dock = host.getByRole('complementary', { name: 'Chat and moderation' });
  await dock.getByRole('button', { name: 'Invite a moderator' }).click();
  await dock.getByRole('textbox', { name: 'Moderator name' }).fill('Sam');
  await dock.getByRole('button', { name: 'Create and copy link' }).click();
  const link = await dock.getByRole('textbox', { name: 'Moderator link' }).inputValue();
  expect(link).toMatch(/\/\?session=/);

  const viewer = await openViewer(browser, 'Cleo');
  await send(viewer, 'Is this thing on?');

  const console_ = await open(browser, link);
  await expect(console_.getByRole('main', { name: 'Moderator console' })).toBeVisible();
  await expect(
    console_.getByRole('list', { name: 'Chat messages' }).getByRole('listitem').filter({ hasText: 'Is this thing on?' }),
  ).toBeVisible();
  await expect(console_.getByRole('button', { name: 'Settings' })).toHaveCount(0);
  await expect(console_.getByRole('button', { name: /End stream|End/ })).toHaveCount(0);
  await expect(console_.getByRole('button', { name: /Go live/ })).toHaveCount(0);
  await expect(console_.getByRole('button', { name: 'Invite a moderator' })).toHaveCount(0);

  // The moderator can moderate: delete the message from its menu; the viewer loses it too.
  await console_.getByRole('button', { name: 'Actions for the message from Cleo' }).click();
  await console_.getByRole('menuitem', { name: 'Delete message' }).click();
  await expect(
    viewer.getByRole('complementary', { name: 'Chat' }).getByRole('listitem').filter({ hasText: 'Is this thing on?' }),
  ).toHaveCount(0);

  // The server refuses the owner-only methods over the moderator's own session.
  // The link was spent by the console's first visit; its session lives in that browser's cookie.
  const token = (await console_.context().cookies()).find((cookie) => cookie.name === 'airdeck_session')!.value;
  const moderator = await FrameClient.open(`ws://${new URL(studio.baseUrl).host}/control?session=${encodeURIComponent(token)}`);
  try {
    const hello = await moderator.next((frame) => frame.type === 'hello');
    expect(hello).toMatchObject({ role: 'moderator' });
    const live = await owner.call('stream.current');
    const streamId = present(valueOf(live), 'the live stream').streamId;
    expect(await moderator.call('stream.end', { streamId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await moderator.call('settings.get')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(valueOf(await owner.call('stream.current'))).toMatchObject({ streamId });
  } finally {
    moderator.close();
  }
});

test('a banned chatter is listed with the audit log and can be unbanned from the dock', async ({ browser }) => {
  const host = await open(browser, studio);
  const dock = host.getByRole('complementary', { name: 'Chat and moderation' });
  const viewer = await openViewer(browser, 'Cleo');
  const identity = await viewer.evaluate(() => sessionStorage.getItem('airdeck.watch.identity'));
  expect(identity).toMatch(/^viewer-/);
  expect((await owner.call('chat.ban', { identity: identity!, scope: 'stream', reason: 'spam' })).ok).toBe(true);

  await dock.getByRole('tab', { name: 'Audit log' }).click();
  const bans = dock.getByRole('region', { name: 'Banned chatters' });
  await expect(bans).toContainText('spam');
  await bans.getByRole('button', { name: /^Unban / }).click();
  await expect(bans).toHaveCount(0);
  await expect(dock.getByRole('row').filter({ hasText: 'Lifted ban' })).toBeVisible();
  expect(valueOf(await owner.call('chat.bans', {})).bans).toHaveLength(0);
});
