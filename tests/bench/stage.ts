/**
 * Stage latency with the real guest page: `node --import tsx tests/bench/stage.ts [--runs 7]`.
 *
 * The studio runs as the README says (`npm run serve`, its own process group) against the
 * LiveKit-compatible server on loopback; the host goes live from the studio page in Debian's
 * Chromium (screen, camera, mic) and a viewer has /watch open before any guest arrives. Each run a
 * new guest opens /join/<code> in its own browser context, passes the device check and presses
 * "Request to join"; the owner's control socket receives `moderation.queued` and the studio page
 * shows the item in its queue. The owner approves (`moderation.decide`); the guest page learns it
 * over /events and publishes on the connection it waited on; the viewer decodes the guest's camera
 * in its stage grid (getStats `framesDecoded`). The guest is then kicked, freeing the seat.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { FrameClient } from '../support/frameClient';
import { valueOf } from '../support/contractCall';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { startHeadless } from '../support/e2e/headless';
import { startLiveKit } from '../support/e2e/livekitDevServer';
import { openViewer } from '../support/e2e/viewerPage';
import { liveBar } from '../support/e2e/studioPage';
import { option } from './cliOption';
import { armElement, armFirstDecoded, armPress, queuedFrameAt, recordQueuedFrames, stampOf } from './stagePages';
import { stats, timingTable } from './timingTable';

const runs = Math.max(5, Number(option('runs', '7')));
/** Any single step longer than this fails the benchmark rather than hanging it. */
const STEP_MS = 40_000;

interface Run {
  /** Baseline: one animation frame of the studio page, which its queue waits for before drawing. */
  studioFrame: number;
  queuedAtOwner: number;
  shownInStudio: number;
  studioSocket: number;
  guestOnStage: number;
  cameraPublished: number;
  seatAtViewer: number;
  decodedAtViewer: number;
}

/** Fails the run when `step` has not settled within STEP_MS. */
function within<T>(what: string, step: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${STEP_MS} ms`)), STEP_MS)),
  );
  return Promise.race([step, timeout]).finally(() => clearTimeout(timer));
}

/** When the owner's control socket receives `moderation.queued` for `name`, with the item and the guest's identity. */
function queuedAtOwner(owner: FrameClient, name: string): Promise<{ at: number; itemId: string; identity: string }> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer): void => {
      const at = Date.now();
      const frame = JSON.parse(data.toString()) as {
        type?: string;
        event?: string;
        payload?: { id: string; kind: string; subject: { identity: string; name: string } };
      };
      if (frame.type !== 'event' || frame.event !== 'moderation.queued') return;
      if (frame.payload?.kind !== 'stage_request' || frame.payload.subject.name !== name) return;
      owner.socket.off('message', onMessage);
      resolve({ at, itemId: frame.payload.id, identity: frame.payload.subject.identity });
    };
    owner.socket.on('message', onMessage);
  });
}

/** One sentence per target: the median against it, met or missed and by how much. */
function verdict(what: string, values: number[], targetMs: number): string {
  const median = Math.round(stats(values).median);
  const by = Math.abs(median - targetMs);
  return `${what}: median ${median} ms against a target of ≤ ${targetMs} ms, ${median <= targetMs ? `met with ${by} ms to spare` : `missed by ${by} ms`}.`;
}

/** CSS for a guest's seat video in the viewer's stage grid (seats are labelled with the name). */
const seatVideo = (name: string): string => `ul[aria-label="On stage"] li[aria-label="${name}"] video`;

async function stageOnce(owner: FrameClient, host: Page, viewer: Page, guest: Page, index: number): Promise<Run> {
  const name = `Bench guest ${index + 1}`;
  const invite = await owner.call('invites.create', { role: 'guest', label: name, expiresInMinutes: 60, maxUses: 1 });
  if (!invite.ok) throw new Error(`invites.create: ${invite.error?.message}`);
  await guest.goto(valueOf(invite).link);
  // The device check finishes first, so the request does not compete with opening the camera.
  await guest.getByRole('figure', { name: 'Your camera preview' }).locator('video').waitFor({ timeout: STEP_MS });
  await guest.waitForFunction(
    () => (document.querySelector<HTMLVideoElement>('figure[aria-label="Your camera preview"] video')?.readyState ?? 0) >= 2,
    null,
    { timeout: STEP_MS },
  );
  await guest.getByRole('textbox', { name: 'Your name' }).fill(name);

  const studioFrame = await host.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const from = performance.now();
        requestAnimationFrame(() => resolve(performance.now() - from));
      }),
  );
  await armPress(guest, 'pressed', 'Request to join');
  await armElement(host, 'shown', `li[aria-label="Stage request from ${name}"]`);
  const queued = queuedAtOwner(owner, name);
  await guest.getByRole('button', { name: 'Request to join' }).click();
  const { at: queuedAt, itemId, identity } = await within('the stage request reaching the owner', queued);
  const shownAt = await stampOf(host, 'shown', STEP_MS);
  const studioSocketAt = await queuedFrameAt(host, name, STEP_MS);
  const pressed = await stampOf(guest, 'pressed', STEP_MS);

  // Approval is measured from a settled waiting guest: connected, watching the host's screen.
  await guest.getByRole('heading', { name: 'Waiting for the host' }).waitFor({ timeout: STEP_MS });
  await guest.locator('figure[aria-label$="screen"] video').waitFor({ timeout: STEP_MS });
  await armElement(guest, 'live', 'h1, h2', { text: "You're live on stage" });
  // The camera button is enabled once LiveKit reports the camera track published from the page.
  await armElement(guest, 'published', 'button', { text: 'Turn camera off' });
  await armElement(viewer, 'seat', seatVideo(name));
  await armFirstDecoded(viewer, 'decoded', seatVideo(name));
  const approvedAt = Date.now();
  const decided = await owner.call('moderation.decide', { itemId, decision: 'approve' });
  if (!decided.ok) throw new Error(`moderation.decide: ${decided.error?.message}`);
  const decodedAt = await stampOf(viewer, 'decoded', STEP_MS);
  const seatAt = await stampOf(viewer, 'seat', STEP_MS);
  const liveAt = await stampOf(guest, 'live', STEP_MS);
  const publishedAt = await stampOf(guest, 'published', STEP_MS);

  // Kicked, the seat leaves the viewer's grid before the next guest arrives.
  await armElement(viewer, 'seatGone', `ul[aria-label="On stage"] li[aria-label="${name}"]`, { gone: true });
  const kicked = await owner.call('stage.kick', { identity, reason: 'benchmark run over' });
  if (!kicked.ok) throw new Error(`stage.kick: ${kicked.error?.message}`);
  await stampOf(viewer, 'seatGone', STEP_MS);
  await guest.getByRole('heading', { name: 'You were removed from the show' }).waitFor({ timeout: STEP_MS });
  return {
    studioFrame,
    queuedAtOwner: queuedAt - pressed,
    shownInStudio: shownAt - pressed,
    studioSocket: studioSocketAt - pressed,
    guestOnStage: liveAt - approvedAt,
    cameraPublished: publishedAt - approvedAt,
    seatAtViewer: seatAt - approvedAt,
    decodedAtViewer: decodedAt - approvedAt,
  };
}

// startHeadless records its process group under .tmp (as the e2e harness does).
mkdirSync('.tmp', { recursive: true });
const began = Date.now();
const loadAtStart = loadavg()[0]!;
const livekit = await startLiveKit();
const browser = await chromium.launch({ ...chromiumLaunchOptions(['--auto-select-desktop-capture-source=Entire screen']), headless: true });
const studio = await startHeadless();
try {
  const owner = await FrameClient.open(studio.controlUrl);
  const saved = await owner.call('settings.update', { livekit: { url: livekit.url } });
  if (!saved.ok) throw new Error(`settings.update: ${saved.error?.message}`);

  // The host goes live from the studio UI, so its room, publishing and queue run as in use.
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await hostContext.addInitScript(recordQueuedFrames);
  const host = await hostContext.newPage();
  await studio.openStudio(host);
  await host.getByRole('button', { name: 'Share screen' }).click();
  await host.getByLabel('Shared screen preview').waitFor({ timeout: STEP_MS });
  await host.getByRole('textbox', { name: 'Stream title' }).fill('Stage benchmark');
  await host.getByRole('button', { name: 'Go live' }).click();
  await liveBar(host).filter({ hasText: /LIVE/ }).waitFor({ timeout: STEP_MS });
  await host.getByRole('tab', { name: /^Queue/ }).click();

  // The viewer page is open and playing the host's screen before any guest arrives.
  const { page: viewer } = await openViewer(browser, studio.baseUrl);
  await viewer.locator('figure[aria-label$="screen"] video').waitFor({ timeout: STEP_MS });

  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    try {
      results.push(await stageOnce(owner, host, viewer, await context.newPage(), i));
    } finally {
      await context.close();
    }
    const last = results.at(-1)!;
    process.stderr.write(
      `stage bench: run ${i + 1}/${runs}: request → queued ${last.queuedAtOwner} ms, approve → decoded at viewer ${last.decodedAtViewer} ms\n`,
    );
  }
  owner.close();

  process.stdout.write(
    `Stage on loopback with the real guest page (/join/<code>) and viewer page (/watch) in Debian's Chromium, the studio ` +
      `(\`npm run serve\`, its own process) live from its page with screen + camera + mic, and the LiveKit-compatible ` +
      `server in the benchmark's process. Each run a new guest passes the device check and presses "Request to join"; the ` +
      `owner approves over the control socket (\`moderation.decide\`); the guest page learns it over /events and publishes ` +
      `its camera on the connection it waited on; the already-open viewer decodes it (getStats \`framesDecoded\`, sampled ` +
      `every 10 ms). The guest is kicked after each run. Times are taken in the page or socket that saw the change. ` +
      `${runs} runs. Machine: ` +
      `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, load average ` +
      `${loadAtStart.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end (shared with other work). ` +
      `Total ${Math.round((Date.now() - began) / 1000)} s.\n\n`,
  );
  process.stdout.write(
    `${timingTable([
      ['"Request to join" pressed → `moderation.queued` at the owner socket', results.map((r) => r.queuedAtOwner)],
      ['"Request to join" pressed → `moderation.queued` delivered by the studio page\'s socket', results.map((r) => r.studioSocket)],
      ['"Request to join" pressed → item shown in the studio queue', results.map((r) => r.shownInStudio)],
      ['Baseline: one animation frame of the studio page (the queue draws once per frame)', results.map((r) => r.studioFrame)],
      ['Approve → guest page says "You\'re live on stage"', results.map((r) => r.guestOnStage)],
      ['Approve → guest page has its camera published ("Turn camera off" shown)', results.map((r) => r.cameraPublished)],
      ["Approve → guest's video element in the viewer's stage grid", results.map((r) => r.seatAtViewer)],
      ["Approve → guest's camera frame decoded at the viewer", results.map((r) => r.decodedAtViewer)],
    ])}\n\n`,
  );
  process.stdout.write(
    `${verdict(
      '"Request to join" → queued at the owner',
      results.map((r) => r.queuedAtOwner),
      300,
    )} ` +
      `${verdict(
        '"Request to join" → shown in the studio queue',
        results.map((r) => r.shownInStudio),
        300,
      )} ` +
      `${verdict(
        "Approve → guest's camera decoded at the viewer",
        results.map((r) => r.decodedAtViewer),
        1000,
      )}\n`,
  );
} finally {
  await studio.stop();
  await browser.close();
  await livekit.close();
}
