/**
 * Moderation by keyboard alone, as a screen-reader or keyboard user does it: the skip link to the
 * queue, going live, approving and rejecting held messages, timing out and banning their authors,
 * letting a guest on stage, the shortcuts list, shortcuts turned off in Settings, and ending the
 * stream. The host's page is never clicked: every control is reached with Tab and used with keys.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { DevServer } from '../../src/main/rehearsal/index';
import { openViewerChat, type ViewerChat } from '../support/e2e/chatClient';
import { present } from '../support/contractCall';
import { Control } from '../support/e2e/control';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';
import { expectVisibleFocus, tabTo } from '../support/e2e/keyboard';
import { startLiveKit } from '../support/e2e/livekitDevServer';
import { liveBar } from '../support/e2e/studioPage';

const MEDIA_TIMEOUT = 60_000;

test.describe.serial('moderation from the keyboard', () => {
  test.describe.configure({ timeout: 180_000 });
  let livekit: DevServer;
  let studio: HeadlessStudio;
  let control: Control;
  let host: Page;
  const chatters: ViewerChat[] = [];
  let ben: ViewerChat;
  const contexts: BrowserContext[] = [];

  const dock = () => host.getByRole('complementary', { name: 'Chat and moderation' });
  const announcer = () => host.getByTestId('moderation-announcer');
  const item = (name: string) => dock().getByRole('listitem', { name });

  test.beforeAll(async ({ browser }) => {
    livekit = await startLiveKit({ departureTimeoutSec: 1 });
    studio = await startHeadless();
    control = await Control.open(studio);
    await control.call('settings.update', { livekit: { url: livekit.url } });
    const context = await browser.newContext();
    contexts.push(context);
    host = await context.newPage();
    await studio.openStudio(host);
  });

  test.afterAll(async () => {
    for (const chatter of chatters) chatter.close();
    control?.close();
    for (const context of contexts) await context.close();
    await studio?.stop();
    await livekit?.close();
  });

  test('the first Tab reaches a visible skip link that moves focus to the queue', async () => {
    await expect(host.getByRole('button', { name: 'Go live' })).toBeVisible();
    await host.keyboard.press('Tab');
    const skip = host.getByRole('link', { name: 'Skip to moderation queue' });
    await expectVisibleFocus(skip);
    await expect(skip).toBeInViewport();
    await host.keyboard.press('Enter');
    await expect(dock().getByRole('tab', { name: /Queue/ })).toHaveAttribute('aria-selected', 'true');
    await expect(host.locator('#moderation-queue')).toBeFocused();
  });

  test('going live with the keyboard', async () => {
    const title = host.getByRole('textbox', { name: 'Stream title' });
    await tabTo(host, title, { backwards: true });
    await expectVisibleFocus(title);
    await host.keyboard.type('Keyboard night');
    // Tab enters the layout radio group on the checked option; arrows choose another.
    await tabTo(host, host.getByRole('radio', { name: /Screen \+ guests/ }));
    await host.keyboard.press('ArrowDown');
    await host.keyboard.press('ArrowDown');
    await expect(host.getByRole('radio', { name: /Voice only/ })).toBeChecked();
    const goLive = host.getByRole('button', { name: 'Go live' });
    await tabTo(host, goLive);
    await expectVisibleFocus(goLive);
    await host.keyboard.press('Enter');
    await expect(liveBar(host)).toContainText('LIVE', { timeout: MEDIA_TIMEOUT });
  });

  test('approve, reject, time out and ban held messages, and let a guest on stage, by keyboard', async ({ browser }) => {
    ben = await openViewerChat(studio.baseUrl, 'Ben');
    const cleo = await openViewerChat(studio.baseUrl, 'Cleo');
    const dan = await openViewerChat(studio.baseUrl, 'Dan');
    chatters.push(ben, cleo, dan);
    // Links are held by default; each message waits in the queue, oldest first.
    ben.send('first https://example.com/ben-1');
    await expect(item('Held message from Ben')).toHaveCount(1);
    ben.send('second https://example.com/ben-2');
    await expect(item('Held message from Ben')).toHaveCount(2);
    cleo.send('buy https://example.com/cleo');
    await expect(item('Held message from Cleo')).toBeVisible();
    dan.send('spam https://example.com/dan');
    await expect(item('Held message from Dan')).toBeVisible();

    // A guest asks to come on stage from the guest page.
    const invite = await control.call('invites.create', {
      role: 'guest',
      label: 'Ana',
      expiresInMinutes: 60,
      maxUses: 1,
    });
    const guestContext = await browser.newContext();
    contexts.push(guestContext);
    const guest = await guestContext.newPage();
    await guest.goto(invite.link);
    await guest.getByRole('textbox', { name: 'Your name' }).fill('Ana');
    await guest.getByRole('button', { name: 'Request to join' }).click();
    await expect(item('Stage request from Ana')).toBeVisible({ timeout: MEDIA_TIMEOUT });

    // The skip link again, from wherever focus is: it is the first stop going backwards.
    await tabTo(host, host.getByRole('link', { name: 'Skip to moderation queue' }), { backwards: true });
    await host.keyboard.press('Enter');
    const first = item('Held message from Ben').first();
    await expectVisibleFocus(first);
    await expect(first).toContainText('https://example.com/ben-1');

    // a approves: the message reaches the chat, and focus moves on to the next item.
    await host.keyboard.press('a');
    await expect(announcer()).toContainText('Approved message from Ben');
    await expect(item('Held message from Ben')).toHaveCount(1);
    await expect(item('Held message from Ben')).toBeFocused();

    // r rejects (drops) it.
    await host.keyboard.press('r');
    await expect(announcer()).toContainText('Dropped message from Ben');
    await expect(item('Held message from Ben')).toHaveCount(0);
    await expect(item('Held message from Cleo')).toBeFocused();

    // t times out the author for 5 minutes and drops the message.
    await host.keyboard.press('t');
    await expect(announcer()).toContainText(/Cleo timed out for 5 minutes|Dropped message from Cleo/);
    await expect(item('Held message from Cleo')).toHaveCount(0);
    await expect(item('Held message from Dan')).toBeFocused();

    // b bans the author from this stream and drops the message.
    await host.keyboard.press('b');
    await expect(item('Held message from Dan')).toHaveCount(0);
    await expect(item('Stage request from Ana')).toBeFocused();

    // ? lists the shortcuts; Esc closes the list and focus returns to the queue.
    await host.keyboard.press('?');
    const help = host.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help.getByRole('row', { name: /Ctrl\/Cmd \+ D/ })).toBeVisible();
    await host.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect(item('Stage request from Ana')).toBeFocused();

    // a lets the guest on stage: their page says so.
    await host.keyboard.press('a');
    await expect(guest.getByRole('heading', { name: "You're live on stage" })).toBeVisible({ timeout: MEDIA_TIMEOUT });
    await expect(dock().getByRole('listitem')).toHaveCount(0);

    // What the server did, as the owner sees it: Dan is banned, and every decision is audited.
    const { bans } = await control.call('chat.bans', {});
    expect(bans.map((ban) => ban.identity)).toEqual([dan.identity]);
    const { entries } = await control.call('moderation.audit', {
      streamId: present(await control.call('stream.current'), 'the live stream').streamId,
      limit: 50,
    });
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['approve', 'reject', 'timeout', 'ban']));
  });

  test('Pause chat holds new messages back from the chat log until resumed', async () => {
    // Tab reaches the dock's selected tab; an arrow picks the Chat tab.
    await tabTo(host, dock().getByRole('tab', { name: /Queue/ }), { backwards: true });
    await host.keyboard.press('ArrowLeft');
    await expect(dock().getByRole('tab', { name: 'Chat' })).toHaveAttribute('aria-selected', 'true');
    const log = dock().getByRole('log', { name: 'Chat messages' });
    await expect(log).toHaveAttribute('aria-live', 'polite');
    const pause = dock().getByRole('button', { name: 'Pause chat' });
    await tabTo(host, pause);
    await host.keyboard.press('Space');
    await expect(pause).toHaveAttribute('aria-pressed', 'true');
    await expect(log).toHaveAttribute('aria-live', 'off');

    ben.send('said while the chat was paused');
    await expect(dock().getByRole('status').filter({ hasText: 'Chat paused: 1 new message waiting.' })).toBeVisible();
    await expect(log.getByText('said while the chat was paused')).toHaveCount(0);

    await host.keyboard.press('Space');
    await expect(pause).toHaveAttribute('aria-pressed', 'false');
    await expect(log.getByText('said while the chat was paused')).toBeVisible();
    await expect(log).toHaveAttribute('aria-live', 'polite');
  });

  test('with single-key shortcuts off in Settings, letters do nothing in the queue and the buttons still work', async () => {
    const eve = await openViewerChat(studio.baseUrl, 'Eve');
    chatters.push(eve);
    eve.send('look https://example.com/eve');
    await tabTo(host, host.getByRole('link', { name: 'Skip to moderation queue' }), { backwards: true });
    await host.keyboard.press('Enter');
    await expect(item('Held message from Eve')).toBeVisible();

    await tabTo(host, host.getByRole('button', { name: 'Settings' }), { backwards: true });
    await host.keyboard.press('Enter');
    const option = host.getByRole('checkbox', { name: 'Single-key shortcuts in the moderation queue' });
    await tabTo(host, option);
    await expect(option).toBeChecked();
    await host.keyboard.press('Space');
    await expect(option).not.toBeChecked();
    await tabTo(host, host.getByRole('button', { name: 'Save settings' }));
    await host.keyboard.press('Enter');
    await expect(host.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
    expect((await control.call('settings.get')).studio.queueShortcuts).toBe(false);

    await tabTo(host, host.getByRole('link', { name: 'Skip to moderation queue' }), { backwards: true });
    await host.keyboard.press('Enter');
    const eves = item('Held message from Eve');
    await expect(eves).toBeFocused();
    await expect(dock().getByText('Single-key shortcuts are off')).toBeVisible();
    await expect(eves.getByRole('button', { name: 'Approve: held message from Eve' })).not.toHaveAttribute('aria-keyshortcuts');

    // a would approve; it must not. Reject with the button instead: had a approved first, the
    // reject would fail and the announcement would say so.
    await host.keyboard.press('a');
    await host.keyboard.press('?');
    await expect(host.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
    await tabTo(host, eves.getByRole('button', { name: 'Reject: held message from Eve' }));
    await host.keyboard.press('Enter');
    await expect(announcer()).toContainText('Dropped message from Eve');
    await expect(eves).toHaveCount(0);

    // Back on, for the rest of the walk.
    await control.call('settings.update', { studio: { queueShortcuts: true } });
  });

  test('ending the stream with the keyboard', async () => {
    const end = host.getByRole('button', { name: 'End stream' });
    await tabTo(host, end, { backwards: true });
    await expectVisibleFocus(end);
    await host.keyboard.press('Enter');
    const dialog = host.getByRole('dialog', { name: 'End the stream?' });
    await expect(dialog.getByRole('button', { name: 'Keep streaming' })).toBeFocused();
    await host.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'End stream now' })).toBeFocused();
    await host.keyboard.press('Enter');
    await expect(liveBar(host)).toContainText('Not live', { timeout: MEDIA_TIMEOUT });
  });
});
