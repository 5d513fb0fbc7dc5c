/**
 * The guest page (/join/<code>) against the real headless studio and the LiveKit dev server:
 * refused invites get a clear page and nothing else; a guest checks camera and mic, asks to join,
 * watches the program while waiting, is approved onto the stage and publishes on the connection it
 * waited on (the host decodes the camera), is moved backstage and back without reconnecting, sees
 * a host mute, and after a kick is removed and the same link is refused.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { TrackSource } from 'livekit-server-sdk';
// For the `window.lkTest` type the host page exposes.
import type {} from '../support/e2e/pages/lkTestPage';
import type { ResultOf } from '../support/contractCall';
import { roomService } from '../support/e2e/livekitDevServer';
import { useLiveKitStudio } from '../support/e2e/liveKitStudio';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { toneWavFile } from '../support/e2e/toneFile';

// A steady tone on the fake microphone, so the device check's level meter always has a signal.
test.use({ launchOptions: chromiumLaunchOptions([`--use-file-for-fake-audio-capture=${toneWavFile()}`]) });

type CreatedInvite = ResultOf<'invites.create'>;
type QueueItem = ResultOf<'moderation.list'>['items'][number];

const env = useLiveKitStudio();

/** A fresh browser context per person, so each has its own sessionStorage and devices. */
async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  env.keep(page);
  page.on('pageerror', (error) => console.log(`[guest page error] ${error.message}`));
  await page.goto(url);
  return page;
}

function createInvite(params: { maxUses?: number } = {}): Promise<CreatedInvite> {
  return env.control.call('invites.create', {
    role: 'guest',
    label: 'Panel',
    expiresInMinutes: 60,
    maxUses: params.maxUses ?? 1,
  });
}

/** Frames the element has presented: what the guest actually sees. */
async function expectFrames(video: Locator): Promise<void> {
  await expect
    .poll(() => video.evaluate((el: HTMLVideoElement) => el.getVideoPlaybackQuality().totalVideoFrames), { timeout: 30_000 })
    .toBeGreaterThan(0);
}

/** Frames the host decodes from the guest's camera. */
async function hostDecodes(host: Page, identity: string): Promise<number> {
  const stats = await host.evaluate(() => window.lkTest.videoStats());
  return stats.find((s) => s.participant === identity && s.source === 'camera')?.framesDecoded ?? 0;
}

/** The device check and the name form, then "Request to join". */
async function askToJoin(guest: Page, name: string): Promise<void> {
  await guest.getByRole('textbox', { name: 'Your name' }).fill(name);
  await guest.getByRole('button', { name: 'Request to join' }).click();
}

async function pendingStageRequests(streamId: string): Promise<QueueItem[]> {
  const { items } = await env.control.call('moderation.list', { streamId, kind: 'stage_request' });
  return items;
}

test('a refused invite shows a clear page and nothing else, for unknown, used, revoked and expired codes', async ({ browser }) => {
  const unknown = await openPage(browser, `${env.studio.baseUrl}/join/${'x'.repeat(32)}`);
  await expect(unknown.getByRole('heading', { name: 'This invite link is not valid' })).toBeVisible();
  await expect(unknown.getByRole('textbox')).toHaveCount(0);
  await expect(unknown.getByRole('button')).toHaveCount(0);
  await expect(unknown.locator('video')).toHaveCount(0);

  // Used up: someone else redeemed the single-use link first.
  const used = await createInvite();
  const code = new URL(used.link).pathname.split('/').pop()!;
  const redeemed = await fetch(`${env.studio.baseUrl}/api/guest/redeem`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name: 'First' }),
  });
  expect(((await redeemed.json()) as { value: { status: string } }).value.status).toBe('accepted');
  const usedPage = await openPage(browser, used.link);
  await expect(usedPage.getByRole('heading', { name: 'This invite has already been used' })).toBeVisible();
  await expect(usedPage.getByRole('textbox')).toHaveCount(0);

  const revoked = await createInvite();
  await env.control.call('invites.revoke', { id: revoked.invite.id });
  const revokedPage = await openPage(browser, revoked.link);
  await expect(revokedPage.getByRole('heading', { name: 'This invite is no longer valid' })).toBeVisible();
  await expect(revokedPage.getByRole('textbox')).toHaveCount(0);

  // Expired: the shortest expiry is a minute, so move this invite's expiry into the past in the
  // studio's database instead of waiting for the clock.
  const expired = await createInvite();
  const db = new Database(join(env.studio.dataDir, 'airdeck.sqlite'));
  try {
    db.prepare('UPDATE invites SET expires_at = ? WHERE id = ?').run(Date.now() - 1_000, expired.invite.id);
  } finally {
    db.close();
  }
  const expiredPage = await openPage(browser, expired.link);
  await expect(expiredPage.getByRole('heading', { name: 'This invite has expired' })).toBeVisible();
  await expect(expiredPage.getByRole('textbox')).toHaveCount(0);
});

test('a guest checks devices, waits with the program, goes on stage and publishes, is muted, then kicked', async ({ browser }) => {
  test.setTimeout(150_000);
  const session = await env.control.call('stream.start', { title: 'Launch day', mode: 'screen_guests' });
  const host = await env.publishHost(browser, session);
  const invite = await createInvite();

  // Name and device check: the camera preview plays and the mic meter moves (fake devices).
  const guest = await openPage(browser, invite.link);
  await expect(guest.getByRole('heading', { name: 'Join “Launch day”' })).toBeVisible();
  await expectFrames(guest.getByRole('figure', { name: 'Your camera preview' }).locator('video'));
  await expect(guest.getByRole('combobox', { name: 'Camera' })).not.toHaveValue('');
  await expect(guest.getByRole('combobox', { name: 'Microphone' })).not.toHaveValue('');
  await expect
    .poll(async () => Number(await guest.getByRole('meter', { name: 'Microphone level' }).getAttribute('aria-valuenow')))
    .toBeGreaterThan(0);

  await askToJoin(guest, 'Ada');
  await expect(guest.getByRole('heading', { name: 'Waiting for the host' })).toBeVisible();
  // Waiting guests watch the program, subscribe-only.
  const program = guest.getByRole('region', { name: 'Program' });
  await expectFrames(program.getByRole('figure', { name: "Host's screen" }).locator('video'));
  const requests = await pendingStageRequests(session.streamId);
  expect(requests.map((r) => r.subject.name)).toEqual(['Ada']);
  const identity = requests[0]!.subject.identity;
  // In the room, publishing nothing.
  await expect
    .poll(async () => (await host.evaluate(() => window.lkTest.participants())).find((p) => p.identity === identity)?.tracks)
    .toEqual([]);
  // The server's view of the guest's one connection: a new connection would get a new sid.
  const lk = roomService(env.livekit);
  const inRoom = async () => (await lk.listParticipants(session.roomName)).find((p) => p.identity === identity);
  const connectionSid = (await inRoom())?.sid;
  expect(connectionSid).toMatch(/^PA_/);

  await env.control.call('moderation.decide', { itemId: requests[0]!.id, decision: 'approve' });
  await expect(guest.getByRole('heading', { name: "You're live on stage" })).toBeVisible();
  const status = guest.getByRole('region', { name: "You're live on stage" });
  await expectFrames(status.getByRole('figure', { name: 'Your camera preview' }).locator('video'));
  // The host decodes the guest's camera: it really goes out, on the connection the guest waited on.
  await expect.poll(() => hostDecodes(host, identity), { timeout: 30_000 }).toBeGreaterThan(0);
  const onStage = await inRoom();
  expect(onStage?.sid).toBe(connectionSid);
  expect(onStage?.permission?.canPublish).toBe(true);
  const firstCamera = onStage?.tracks.find((t) => t.source === TrackSource.CAMERA)?.sid;
  expect(firstCamera).toMatch(/^TR_/);

  // Backstage revokes the grant in place: the tracks go, the connection stays.
  await env.control.call('stage.move', { identity, to: 'backstage' });
  await expect(guest.getByRole('heading', { name: "You're backstage — the host will bring you on" })).toBeVisible();
  await expect
    .poll(async () => (await host.evaluate(() => window.lkTest.participants())).find((p) => p.identity === identity)?.tracks)
    .toEqual([]);
  const backstage = await inRoom();
  expect([backstage?.sid, backstage?.tracks.length, backstage?.permission?.canPublish ?? false]).toEqual([connectionSid, 0, false]);

  // Back on stage: a new camera track, still the same connection.
  await env.control.call('stage.move', { identity, to: 'stage' });
  await expect(guest.getByRole('heading', { name: "You're live on stage" })).toBeVisible();
  const newCamera = async () => (await inRoom())?.tracks.find((t) => t.source === TrackSource.CAMERA && t.sid !== firstCamera)?.sid;
  await expect.poll(newCamera, { timeout: 30_000 }).toMatch(/^TR_/);
  await expect.poll(() => hostDecodes(host, identity), { timeout: 30_000 }).toBeGreaterThan(0);
  expect((await inRoom())?.sid).toBe(connectionSid);
  await expect(guest.getByRole('button', { name: 'Mute mic' })).toBeVisible();

  // The host mutes the guest's mic: LiveKit mutes the guest's track and the page says so.
  await env.control.call('stage.mute', { identity, kind: 'audio' });
  await expect(guest.getByText('The host muted your microphone.')).toBeVisible();
  await expect(guest.getByRole('button', { name: 'Unmute mic' })).toBeVisible();

  await env.control.call('stage.kick', { identity });
  await expect(guest.getByRole('heading', { name: 'You were removed from the show' })).toBeVisible();
  await expect(guest.locator('video')).toHaveCount(0);
  await expect.poll(async () => (await host.evaluate(() => window.lkTest.participants())).some((p) => p.identity === identity)).toBe(false);

  // The same link, opened fresh, is refused (a kick also revokes the guest's invite).
  const again = await openPage(browser, invite.link);
  await expect(again.getByRole('heading', { name: 'This invite is no longer valid' })).toBeVisible();
  await expect(again.getByRole('textbox')).toHaveCount(0);
});

test('a guest who asks before the show starts is queued when it does, can withdraw, and is told politely when rejected', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const invite = await createInvite();
  const guest = await openPage(browser, invite.link);
  await askToJoin(guest, 'Grace');
  await expect(guest.getByRole('heading', { name: "The show hasn't started yet" })).toBeVisible();
  await expect(guest.getByText('Your request goes to the host as soon as the show starts.')).toBeVisible();

  const session = await env.control.call('stream.start', { title: 'Late start', mode: 'screen_guests' });
  await expect(guest.getByRole('heading', { name: 'Waiting for the host' })).toBeVisible();
  await expect.poll(async () => (await pendingStageRequests(session.streamId)).map((r) => r.subject.name)).toEqual(['Grace']);

  await guest.getByRole('button', { name: 'Withdraw request' }).click();
  await expect(guest.getByRole('heading', { name: "You're watching" })).toBeVisible();
  await expect.poll(async () => (await pendingStageRequests(session.streamId)).length).toBe(0);

  await guest.getByRole('button', { name: 'Request to join' }).click();
  await expect(guest.getByRole('heading', { name: 'Waiting for the host' })).toBeVisible();
  const [request] = await pendingStageRequests(session.streamId);
  await env.control.call('moderation.decide', { itemId: request!.id, decision: 'reject' });
  await expect(guest.getByRole('heading', { name: 'Thanks for asking' })).toBeVisible();
  await expect(guest.getByText(/could not bring you on stage this time/)).toBeVisible();

  // A reload resumes the session from this tab's storage: the single-use link is not redeemed again.
  await guest.reload();
  await expect(guest.getByRole('heading', { name: 'Thanks for asking' })).toBeVisible();
  await expect(guest.getByRole('textbox', { name: 'Your name' })).toHaveCount(0);
});
