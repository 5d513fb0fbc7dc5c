/**
 * Guests on stage, end to end, on one live stream: the host creates an invite in the studio's
 * invites panel (link + QR code), a guest redeems it and asks to join, the host approves the
 * queue item, and the guest's camera is decoded in the studio's 2x2 grid. Five approved guests
 * fill four slots and leave one backstage; a backstage guest swaps into a slot; the host mutes a
 * guest's microphone; a studio reload brings the grid back; a kick removes the guest for good.
 *
 * The guest is the livekit-client test page fed with the tokens of the guest routes (the real
 * guest page is covered by its own spec). Approving goes over the control socket
 * (`moderation.decide`): the moderation queue UI is a separate feature.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { DevServer } from '../../src/main/rehearsal/index';
import { FrameClient } from '../support/frameClient';
import { present, valueOf } from '../support/contractCall';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { decodedFrames } from '../support/e2e/videoFrames';
import { startHeadless, type HeadlessStudio } from '../support/e2e/headless';
import { startLiveKit } from '../support/e2e/livekitDevServer';
import { serveLiveKitTestPage, type TestPageServer } from '../support/e2e/livekitTestPage';
import { liveBar } from '../support/e2e/studioPage';
import {
  approve,
  guestSession,
  inviteGuest,
  pendingRequest,
  pollUntil,
  redeemInvite,
  requestStage,
  type StageGuest,
} from '../support/e2e/stageGuests';

// Chromium's fake desktop capture answers getDisplayMedia without a picker.
test.use({ launchOptions: chromiumLaunchOptions(['--auto-select-desktop-capture-source=Entire screen']) });

const SHOTS = '.tmp';

let livekit: DevServer;
let studio: HeadlessStudio | undefined;
let testPage: TestPageServer;
let owner: FrameClient | undefined;

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [livekit, testPage] = await Promise.all([startLiveKit(), serveLiveKitTestPage()]);
});
test.afterAll(async () => {
  owner?.close();
  await studio?.stop();
  await testPage?.close();
  await livekit?.close();
});

async function ownerClient(headless: HeadlessStudio): Promise<FrameClient> {
  return FrameClient.open(headless.controlUrl);
}

/** Approves `guest`'s pending request and waits until the server has placed them. */
async function approveGuest(ownerSocket: FrameClient, baseUrl: string, streamId: string, guest: StageGuest): Promise<string> {
  const item = await pollUntil(
    () => pendingRequest(ownerSocket, streamId, guest.identity),
    (found) => found !== undefined,
  );
  await approve(ownerSocket, item!.id);
  // Placing runs after the decision returns; the next approval must see this one's slot.
  const placed = await pollUntil(
    () => guestSession(baseUrl, guest),
    (s) => s.state === 'stage' || s.state === 'backstage',
  );
  return placed.state;
}

async function goLive(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Share screen' }).click();
  await expect(page.getByLabel('Shared screen preview')).toBeVisible();
  await page.getByRole('textbox', { name: 'Stream title' }).fill('Stage rehearsal');
  await page.getByRole('button', { name: 'Go live' }).click();
  await expect(liveBar(page)).toContainText('LIVE');
}

test('guests on stage: invite, approve, 2x2 grid and backstage, swap, mute, reload, kick', async ({ page, browser }) => {
  // About 1.5 min on an idle 2-core machine; the bound leaves room for a busy one.
  test.setTimeout(240_000);
  studio = await startHeadless();
  const { baseUrl } = studio;
  owner = await ownerClient(studio);
  expect((await owner.call('settings.update', { livekit: { url: livekit.url } })).ok).toBe(true);

  await page.setViewportSize({ width: 1440, height: 900 });
  await studio.openStudio(page);
  await expect(page.getByText('Invite guests now; they can ask to join once you are live.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/stage-idle.png` });
  await goLive(page);
  const current = await owner.call('stream.current');
  const streamId = present(valueOf(current), 'the live stream').streamId;

  const slots = page.getByRole('list', { name: 'Stage slots' });
  const backstage = page.getByRole('region', { name: /^Backstage/ });
  const adaTile = slots.getByRole('article', { name: 'Ada' });
  let link = '';
  let ada!: StageGuest;
  const guests = new Map<string, StageGuest>();
  const guestPage = await browser.newPage();

  await test.step('invites panel: create a guest invite with a link and a QR code', async () => {
    await page.getByRole('button', { name: 'Invite guests' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite guests' });
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Ada');
    await dialog.getByRole('button', { name: 'Create invite' }).click();
    link = await dialog.getByRole('textbox', { name: 'Invite link' }).inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl}/join/[A-Za-z0-9_-]{22,64}$`));
    const qr = dialog.getByRole('img', { name: 'QR code for the invite link' });
    await expect(qr).toBeVisible();
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    await expect(dialog.getByRole('row', { name: /Ada/ })).toContainText('Active');
    await expect(dialog.getByRole('row', { name: /Ada/ })).toContainText(/in (59 min|1 h)/);
    await page.screenshot({ path: `${SHOTS}/stage-invites.png` });

    await dialog.getByRole('textbox', { name: 'Label' }).fill('Spare');
    await dialog.getByRole('button', { name: 'Create invite' }).click();
    await expect(dialog.getByRole('row', { name: /Spare/ })).toContainText('Active');
    await dialog.getByRole('button', { name: 'Revoke invite Spare' }).click();
    await expect(dialog.getByRole('row', { name: /Spare/ })).toContainText('Revoked');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('the guest asks to join; approving puts their camera in the studio grid', async () => {
    ada = await redeemInvite(baseUrl, link, 'Ada');
    await guestPage.goto(testPage.url);
    await guestPage.waitForFunction(() => window.lkTest !== undefined);
    const waiting = await guestSession(baseUrl, ada);
    expect(waiting).toMatchObject({ state: 'joined', livekit: { canPublish: false } });
    await guestPage.evaluate(([url, token]) => window.lkTest.connect(url, token), [waiting.livekit!.url, waiting.livekit!.token] as const);
    await requestStage(baseUrl, ada);
    expect(await approveGuest(owner!, baseUrl, streamId, ada)).toBe('stage');

    // A guest who connects after approval: the stage token carries the grants (the guest page
    // itself publishes on the connection it waited on; guest-page.spec.ts covers that).
    const onStage = await guestSession(baseUrl, ada);
    expect(onStage.livekit?.canPublish).toBe(true);
    await guestPage.evaluate(
      async ([url, token]) => {
        await window.lkTest.disconnect();
        await window.lkTest.connect(url, token);
        await window.lkTest.publishCamera(640, 360);
        await window.lkTest.publishMicrophone();
      },
      [onStage.livekit!.url, onStage.livekit!.token] as const,
    );
    await expect(adaTile).toBeVisible();
    await expect.poll(() => decodedFrames(adaTile), { timeout: 40_000 }).toBeGreaterThan(0);
    await expect(adaTile.getByRole('img', { name: 'Microphone on' })).toBeVisible();
    await expect(adaTile.getByRole('img', { name: 'Camera on' })).toBeVisible();
  });

  await test.step('five approved guests: four on stage, one backstage', async () => {
    for (const name of ['Ben', 'Cleo', 'Dev', 'Eve']) {
      const guest = await inviteGuest(owner!, baseUrl, name);
      guests.set(name, guest);
      await requestStage(baseUrl, guest);
      expect(await approveGuest(owner!, baseUrl, streamId, guest)).toBe(name === 'Eve' ? 'backstage' : 'stage');
    }
    await expect(slots.getByRole('article')).toHaveCount(4);
    for (const name of ['Ada', 'Ben', 'Cleo', 'Dev']) await expect(slots.getByRole('article', { name })).toBeVisible();
    await expect(backstage.getByRole('listitem')).toHaveCount(1);
    await expect(backstage.getByRole('listitem', { name: 'Eve' })).toBeVisible();
    await expect(page.getByText('4/4 on stage')).toBeVisible();
  });

  await test.step('moving a backstage guest into a taken slot swaps them; spotlight; promote', async () => {
    await backstage.getByRole('combobox', { name: 'Stage slot for Eve' }).selectOption({ label: 'Slot 2 (Ben)' });
    await backstage.getByRole('button', { name: 'Bring Eve on stage' }).click();
    await expect(slots.getByRole('listitem', { name: 'Slot 2' }).getByRole('article')).toHaveAccessibleName('Eve');
    await expect(backstage.getByRole('listitem', { name: 'Ben' })).toBeVisible();
    await expect(backstage.getByRole('listitem', { name: 'Eve' })).toHaveCount(0);
    // Viewers render the same program: the room metadata the guest sees has Eve in slot 2.
    await expect
      .poll(async () => JSON.parse((await guestPage.evaluate(() => window.lkTest.roomMetadata())) || '{}')?.stage?.slots?.[1]?.name)
      .toBe('Eve');

    const eve = slots.getByRole('article', { name: 'Eve' });
    await eve.getByRole('button', { name: 'Spotlight Eve' }).click();
    await expect(eve.getByRole('button', { name: 'Spotlight Eve' })).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(async () => JSON.parse((await guestPage.evaluate(() => window.lkTest.roomMetadata())) || '{}')?.stage?.spotlight)
      .toBe(guests.get('Eve')!.identity);

    await slots.getByRole('article', { name: 'Cleo' }).getByRole('button', { name: 'Make Cleo a co-moderator' }).click();
    await expect(page.getByRole('textbox', { name: 'Console link for Cleo' })).toHaveValue(new RegExp(`^${baseUrl}/\\?session=`));
  });

  await test.step("muting a guest's microphone shows on their tile", async () => {
    await adaTile.getByRole('button', { name: "Mute Ada's microphone" }).click();
    await expect(adaTile.getByRole('img', { name: 'Microphone muted' })).toBeVisible();
    await expect(adaTile.getByRole('button', { name: "Mute Ada's microphone" })).toBeDisabled();
    await expect.poll(() => guestPage.evaluate(() => window.lkTest.localTracks().find((t) => t.source === 'microphone')?.muted)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/stage-grid.png` });
  });

  await test.step('a studio reload mid-stream brings the grid back', async () => {
    await page.reload();
    await expect(slots.getByRole('article')).toHaveCount(4);
    for (const name of ['Ada', 'Eve', 'Cleo', 'Dev']) await expect(slots.getByRole('article', { name })).toBeVisible();
    await expect(backstage.getByRole('listitem', { name: 'Ben' })).toBeVisible();
    await page.getByRole('button', { name: 'Resume stream' }).click();
    await expect(liveBar(page)).toContainText('LIVE');
    await expect.poll(() => decodedFrames(adaTile), { timeout: 40_000 }).toBeGreaterThan(0);
    await expect(adaTile.getByRole('img', { name: 'Microphone muted' })).toBeVisible();
  });

  await test.step('kick (confirmed) removes the guest and bans their link for this stream', async () => {
    await adaTile.getByRole('button', { name: 'Kick Ada' }).click();
    const confirm = page.getByRole('dialog', { name: 'Kick Ada?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Kick and ban' }).click();
    await expect(adaTile).toHaveCount(0);
    await expect(slots.getByRole('article')).toHaveCount(3);
    await expect.poll(() => guestPage.evaluate(() => window.lkTest.connectionState())).toBe('disconnected');
    expect(await guestSession(baseUrl, ada)).toMatchObject({ state: 'removed', livekit: null });
    await expect(redeemInvite(baseUrl, link, 'Ada again')).rejects.toThrow(/refused|not accepted/);
  });
  await guestPage.close();
});
