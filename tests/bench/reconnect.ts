/**
 * Reconnect after a LiveKit restart: `node --import tsx tests/bench/reconnect.ts [--runs 5]`
 * (needs a built app: `npx electron-vite build`).
 *
 * The headless studio (its own process) is live on the LiveKit dev server (in-process, loopback)
 * with the screen shared, and an already-open viewer page (/watch) plays it. Each run closes the
 * server and starts a new one on the same port at once, then times, from the moment the new
 * server listens, the studio's live bar reading LIVE again and the first video frame presented
 * at the viewer (neither page is reloaded: both reconnect by themselves). Baseline in the same
 * run: bare livekit-client, publisher and subscriber reconnected by hand the moment the new
 * server listens, timed to the first frame at the subscriber — what an instant retry would cost.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { DevServer } from '../../src/main/rehearsal/index';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { startHeadless } from '../support/e2e/headless';
import { liveKitToken, startLiveKit } from '../support/e2e/livekitDevServer';
import { serveLiveKitTestPage } from '../support/e2e/livekitTestPage';
import { option } from './cliOption';
import { timingTable } from './timingTable';

const runs = Math.max(1, Number(option('runs', '5')));
/** Any single step longer than this fails the benchmark rather than hanging it. */
const STEP_MS = 60_000;

declare global {
  interface Window {
    __reconnectFrames?: { at: number }[];
  }
}

/** Records when any video element gets a first frame (epoch ms); media events do not bubble. */
function recordFrames(): void {
  window.__reconnectFrames = [];
  document.addEventListener(
    'loadeddata',
    (event) =>
      event.target instanceof HTMLVideoElement && window.__reconnectFrames!.push({ at: performance.timeOrigin + performance.now() }),
    true,
  );
}

async function frameAfter(page: Page, since: number, label: string): Promise<number> {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    const hit = (await page.evaluate(() => window.__reconnectFrames ?? [])).find((f) => f.at >= since);
    if (hit) return hit.at;
    if (Date.now() > deadline) throw new Error(`no ${label} frame within ${STEP_MS} ms`);
    await page.waitForTimeout(20);
  }
}

/** Closes `server` and starts a new one on its port; resolves with it and when it listens (epoch ms). */
async function restart(server: DevServer): Promise<{ server: DevServer; backAt: number }> {
  await server.close();
  const next = await startLiveKit({ port: server.port });
  return { server: next, backAt: Date.now() };
}

async function airdeckRuns(browser: Browser, first: DevServer): Promise<{ live: number[]; frame: number[]; server: DevServer }> {
  let server = first;
  const studio = await startHeadless();
  try {
    const host = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await studio.openStudio(host);
    await host.getByRole('button', { name: 'Settings' }).click();
    await host.getByRole('textbox', { name: 'Server URL' }).fill(server.url);
    await host.getByRole('button', { name: 'Save settings' }).click();
    await host.getByText('Settings saved.').waitFor();
    await host.getByRole('button', { name: 'Studio' }).click();
    await host.getByRole('button', { name: 'Share screen' }).click();
    await host.getByLabel('Shared screen preview').waitFor();
    await host.getByRole('textbox', { name: 'Stream title' }).fill('Benchmark');
    const viewerContext = await browser.newContext();
    await viewerContext.addInitScript(recordFrames);
    const viewer = await viewerContext.newPage();
    await viewer.goto(`${studio.baseUrl}/watch`);
    await host.getByRole('button', { name: 'Go live' }).click();
    await frameAfter(viewer, 0, 'first');
    const pill = host.locator('.live-pill');

    const live: number[] = [];
    const frame: number[] = [];
    for (let i = 0; i < runs; i++) {
      const since = Date.now();
      const restarted = await restart(server);
      server = restarted.server;
      await pill
        .filter({ hasText: 'Reconnecting' })
        .waitFor({ timeout: STEP_MS })
        // A fast reconnect may skip the visible "Reconnecting" state; LIVE below is what must come.
        .catch(() => undefined);
      await pill.filter({ hasText: /^LIVE/ }).waitFor({ timeout: STEP_MS });
      live.push(Date.now() - restarted.backAt);
      frame.push((await frameAfter(viewer, since, 'viewer')) - restarted.backAt);
      process.stderr.write(
        `reconnect bench: Airdeck run ${i + 1}/${runs}: viewer frame ${Math.round(frame.at(-1)!)} ms after the server was back\n`,
      );
    }
    await host.getByRole('button', { name: 'End stream' }).click({ timeout: STEP_MS });
    await host.getByRole('button', { name: 'End stream now' }).click({ timeout: STEP_MS });
    return { live, frame, server };
  } finally {
    await studio.stop();
  }
}

/** Bare livekit-client: both sides reconnect by hand the moment the new server listens. */
async function baselineRuns(browser: Browser, first: DevServer): Promise<{ frame: number[]; server: DevServer }> {
  let server = first;
  const pages = await serveLiveKitTestPage();
  const open = async (init?: () => void): Promise<Page> => {
    const context = await browser.newContext();
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    await page.goto(pages.url);
    await page.waitForFunction(() => typeof window.lkTest === 'object');
    return page;
  };
  try {
    const subscriber = await open(recordFrames);
    const publisher = await open();
    const frame: number[] = [];
    for (let i = 0; i < runs; i++) {
      const since = Date.now();
      const restarted = await restart(server);
      server = restarted.server;
      // The restart has already dropped these connections; a page that says so has nothing to disconnect.
      await Promise.all([publisher, subscriber].map((p) => p.evaluate(() => window.lkTest.disconnect()).catch(() => undefined)));
      const [pubToken, subToken] = await Promise.all([
        liveKitToken({ identity: 'pub', room: 'baseline', grant: { canPublish: true } }),
        liveKitToken({ identity: 'sub', room: 'baseline' }),
      ]);
      await subscriber.evaluate(([url, token]) => window.lkTest.connect(url, token), [server.url, subToken] as const);
      await publisher.evaluate(([url, token]) => window.lkTest.connect(url, token).then(() => window.lkTest.publishCamera(1280, 720)), [
        server.url,
        pubToken,
      ] as const);
      frame.push((await frameAfter(subscriber, since, 'baseline')) - restarted.backAt);
      process.stderr.write(`reconnect bench: baseline run ${i + 1}/${runs}: ${Math.round(frame.at(-1)!)} ms\n`);
    }
    return { frame, server };
  } finally {
    await pages.close();
  }
}

if (!existsSync('out/main/headless.js')) {
  process.stderr.write('reconnect bench: out/main/headless.js is missing; run `npx electron-vite build` first\n');
  process.exit(2);
}
const began = Date.now();
let livekit = await startLiveKit();
const browser = await chromium.launch({ ...chromiumLaunchOptions(['--auto-select-desktop-capture-source=Entire screen']), headless: true });
try {
  const airdeck = await airdeckRuns(browser, livekit);
  livekit = airdeck.server;
  const baseline = await baselineRuns(browser, livekit);
  livekit = baseline.server;
  process.stdout.write(
    `LiveKit restart mid-stream on loopback: the dev server (in-process) is closed and a new one started on the same port; ` +
      `times are from the new server listening. The headless studio (own process) and an already-open viewer page reconnect ` +
      `by themselves (studio retry backoff 1 s doubling to 15 s; viewer token retry likewise). ${runs} runs. ` +
      `Machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}. ` +
      `Total ${Math.round((Date.now() - began) / 1000)} s.\n\n`,
  );
  process.stdout.write(
    `${timingTable([
      ['Airdeck: server back → studio live bar reads LIVE', airdeck.live],
      ['Airdeck: server back → first frame at the open viewer page', airdeck.frame],
      ['Baseline: bare livekit-client, both sides rejoin at once → first frame at subscriber', baseline.frame],
    ])}\n`,
  );
} finally {
  await browser.close();
  await livekit.close();
}
