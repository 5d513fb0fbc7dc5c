/**
 * Stage latency: `node --import tsx tests/bench/stage.ts [--runs 5]` (needs a built app:
 * `npx electron-vite build`).
 *
 * The headless studio (its own process) goes live from Debian's Chromium with screen, camera and
 * mic, against the LiveKit dev server on loopback. Each run: a new guest redeems an invite, joins
 * the room as a waiting guest (livekit-client test page) and asks to join; the host approves the
 * stage request (`moderation.decide`); the guest polls its session like the guest page does (here
 * every 100 ms, the page polls every ~2 s), rejoins with the stage grants and publishes its
 * camera; an already-connected viewer records the first decoded frame of that camera. The guest
 * is then kicked, freeing the slot. Reports median and spread of approve → guest on stage,
 * approve → camera published, approve → first frame at the viewer.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { FrameClient } from '../support/testApp';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { startHeadless, type HeadlessStudio } from '../e2e/support/headless';
import { startLiveKit } from '../e2e/support/livekitDevServer';
import { serveLiveKitTestPage } from '../e2e/support/livekitTestPage';
import { approve, guestSession, inviteGuest, pendingRequest, pollUntil, postGuestRoute, requestStage } from '../e2e/support/stageGuests';
import { option } from './cliOption';
import { timingTable } from './timingTable';

const runs = Math.max(5, Number(option('runs', '5')));
/** Any single step longer than this fails the benchmark rather than hanging it. */
const STEP_MS = 40_000;

declare global {
  interface Window {
    __stageFrames?: { trackSid: string; at: number }[];
  }
}

/** Records the first decoded frame of each attached video (epoch ms), by track sid. */
function recordFirstFrames(): void {
  window.__stageFrames = [];
  document.addEventListener(
    'loadeddata',
    (event) => {
      const video = event.target;
      if (video instanceof HTMLVideoElement) window.__stageFrames!.push({ trackSid: video.dataset.trackSid ?? '', at: performance.timeOrigin + performance.now() });
    },
    true,
  );
}

async function openTestPage(browser: Browser, url: string, init?: () => void): Promise<Page> {
  const context = await browser.newContext();
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => typeof window.lkTest === 'object');
  return page;
}

/** The viewer's first frame of `identity`'s camera, in epoch ms. */
async function firstCameraFrame(viewer: Page, identity: string): Promise<number> {
  const handle = await viewer.waitForFunction(
    (who) => {
      const sids = new Set(
        window.lkTest
          .events()
          .filter((e) => e.type === 'trackSubscribed' && e.participant === who && e.source === 'camera')
          .map((e) => e.trackSid),
      );
      return (window.__stageFrames ?? []).find((f) => sids.has(f.trackSid))?.at ?? false;
    },
    identity,
    { timeout: STEP_MS, polling: 10 },
  );
  return (await handle.jsonValue()) as number;
}

interface Run {
  onStage: number;
  published: number;
  viewerFrame: number;
}

async function stageOnce(browser: Browser, pageUrl: string, studio: HeadlessStudio, owner: FrameClient, streamId: string, viewer: Page, index: number): Promise<Run> {
  const guest = await inviteGuest(owner, studio.baseUrl, `Bench guest ${index + 1}`);
  const waiting = await guestSession(studio.baseUrl, guest);
  const guestPage = await openTestPage(browser, pageUrl);
  try {
    await guestPage.evaluate(([url, token]) => window.lkTest.connect(url, token), [waiting.livekit!.url, waiting.livekit!.token] as const);
    await requestStage(studio.baseUrl, guest);
    const item = await pollUntil(() => pendingRequest(owner, streamId, guest.identity), (found) => found !== undefined, STEP_MS);

    const approvedAt = Date.now();
    await approve(owner, item!.id);
    const session = await pollUntil(() => guestSession(studio.baseUrl, guest), (s) => s.state === 'stage' && s.livekit?.canPublish === true, STEP_MS);
    const onStageAt = Date.now();
    const publishedAt = await guestPage.evaluate(
      async ([url, token]) => {
        await window.lkTest.disconnect();
        await window.lkTest.connect(url, token);
        await window.lkTest.publishCamera(640, 360);
        return performance.timeOrigin + performance.now();
      },
      [session.livekit!.url, session.livekit!.token] as const,
    );
    const frameAt = await firstCameraFrame(viewer, guest.identity);
    const kicked = await owner.call('stage.kick', { identity: guest.identity, reason: 'benchmark run over' });
    if (!kicked.ok) throw new Error(`stage.kick: ${kicked.error?.message}`);
    return { onStage: onStageAt - approvedAt, published: publishedAt - approvedAt, viewerFrame: frameAt - approvedAt };
  } finally {
    await guestPage.context().close();
  }
}

if (!existsSync('out/main/headless.js')) {
  process.stderr.write('stage bench: out/main/headless.js is missing; run `npx electron-vite build` first\n');
  process.exit(2);
}
const began = Date.now();
const [livekit, pages] = await Promise.all([startLiveKit(), serveLiveKitTestPage()]);
const browser = await chromium.launch({ ...chromiumLaunchOptions(['--auto-select-desktop-capture-source=Entire screen']), headless: true });
const studio = await startHeadless();
try {
  const owner = await FrameClient.open(studio.controlUrl);
  const saved = await owner.call('settings.update', { livekit: { url: livekit.url } });
  if (!saved.ok) throw new Error(`settings.update: ${saved.error?.message}`);

  // The host goes live from the studio UI, so its room, publishing and stage grid run as in use.
  const host = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await studio.openStudio(host);
  await host.getByRole('button', { name: 'Share screen' }).click();
  await host.getByLabel('Shared screen preview').waitFor({ timeout: STEP_MS });
  await host.getByRole('textbox', { name: 'Stream title' }).fill('Stage benchmark');
  await host.getByRole('button', { name: 'Go live' }).click();
  await host.getByRole('status', { name: 'Stream status' }).filter({ hasText: /LIVE/ }).waitFor({ timeout: STEP_MS });
  const current = await owner.call('stream.current');
  const streamId = (current.value as { streamId: string }).streamId;

  // A viewer joins with a token from the watch route, like the viewer page, and subscribes to all.
  const watch = await postGuestRoute<{ status: string; livekitUrl: string; token: string }>(studio.baseUrl, '/api/watch/token', {});
  if (watch.status !== 'live') throw new Error('watch route says nothing is live');
  const viewer = await openTestPage(browser, pages.url, recordFirstFrames);
  await viewer.evaluate(([url, token]) => window.lkTest.connect(url, token), [watch.livekitUrl, watch.token] as const);

  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    results.push(await stageOnce(browser, pages.url, studio, owner, streamId, viewer, i));
    process.stderr.write(`stage bench: run ${i + 1}/${runs}: first guest frame at viewer ${Math.round(results.at(-1)!.viewerFrame)} ms\n`);
  }
  owner.close();

  process.stdout.write(
    `Stage on loopback: the host approves a guest's stage request (\`moderation.decide\`) while live (screen + camera + mic) ` +
      `→ the guest's camera is decoded at an already-connected viewer. The guest polls its session every 100 ms (the guest page ` +
      `polls every ~2 s, which adds up to that much in use), rejoins with the stage grants and publishes 640x360. LiveKit dev ` +
      `server in-process, studio in its own process, one new guest per run (kicked afterwards), ${runs} runs. Machine: ` +
      `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at the end. Total ${Math.round((Date.now() - began) / 1000)} s.\n\n`,
  );
  process.stdout.write(
    `${timingTable([
      ['Approve → guest session says on stage', results.map((r) => r.onStage)],
      ['Approve → guest camera published (rejoined with stage grants)', results.map((r) => r.published)],
      ['Approve → first guest frame decoded at viewer', results.map((r) => r.viewerFrame)],
    ])}\n`,
  );
} finally {
  await studio.stop();
  await browser.close();
  await pages.close();
  await livekit.close();
}
