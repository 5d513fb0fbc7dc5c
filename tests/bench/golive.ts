/**
 * Go-live latency: `node --import tsx tests/bench/golive.ts [--runs 5]` (needs a built app:
 * `npx electron-vite build`).
 *
 * The headless studio (its own process) and the LiveKit dev server run on loopback; Debian's
 * Chromium drives the studio and an already-open viewer page (/watch). Each run clicks "Go live"
 * with the screen and camera already captured, and times the first video frame presented at the
 * viewer (requestVideoFrameCallback), the first frame of the screen share, and the studio showing
 * LIVE; then ends the stream. The viewer is the real watch page, open and waiting before the click:
 * it learns of "live" by push on /events, and the table also shows when that push and its first
 * LiveKit peer connection came, so a slow first frame can be placed on the viewer's side
 * or the studio's. Baseline in the same run: bare livekit-client connect + publish of
 * a camera to the same dev server, timed to the first frame at an already-connected subscriber.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { startHeadless } from '../support/e2e/headless';
import { liveKitToken, startLiveKit } from '../support/e2e/livekitDevServer';
import { serveLiveKitTestPage } from '../support/e2e/livekitTestPage';
import { liveBar } from '../support/e2e/studioPage';
import { option } from './cliOption';
import { timingTable } from './timingTable';

const runs = Math.max(1, Number(option('runs', '5')));
/** Any single step longer than this fails the benchmark rather than hanging it. */
const STEP_MS = 40_000;

declare global {
  interface Window {
    __frames?: { label: string; at: number }[];
    /** Viewer milestones (epoch ms): the live push, the first peer connection. */
    __marks?: Record<string, number>;
  }
}

/**
 * Records, at the watch page, when it learned of "live" on the /events socket and when
 * livekit-client created its first peer connection (token in hand, joining): where the time
 * between the click and the first frame goes. Wraps the page's own WebSocket and
 * RTCPeerConnection; it changes nothing they do. Plain JavaScript in a string: a function would be
 * serialized with the TypeScript loader's helpers, which do not exist in the page.
 */
const RECORD_VIEWER_MILESTONES = `(() => {
  window.__marks = {};
  const mark = (name) => { window.__marks[name] ??= performance.timeOrigin + performance.now(); };
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(url, protocols) {
      super(url, protocols);
      if (String(url).includes('/events')) {
        this.addEventListener('message', (event) => {
          if (typeof event.data === 'string' && event.data.includes('"status":"live"')) mark('push');
        });
      }
    }
  };
  const NativePc = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePc {
    constructor(config) {
      super(config);
      mark('pc');
    }
  };
})();`;

/**
 * Records when each video element has its first frame (epoch ms). `loadeddata` fires once the
 * first frame is decoded and available; media events do not bubble, so listen in capture.
 */
function recordFirstFrames(): void {
  window.__frames = [];
  document.addEventListener(
    'loadeddata',
    (event) => {
      const video = event.target;
      if (!(video instanceof HTMLVideoElement)) return;
      window.__frames!.push({
        label: video.closest('figure')?.getAttribute('aria-label') ?? 'video',
        at: performance.timeOrigin + performance.now(),
      });
    },
    true,
  );
}

async function firstFrame(page: Page, match: (label: string) => boolean, label: string): Promise<number> {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    const frames = await page.evaluate(() => window.__frames ?? []);
    const hit = frames.filter((f) => match(f.label)).sort((a, b) => a.at - b.at)[0];
    if (hit) return hit.at;
    if (Date.now() > deadline) {
      const shown = await page.evaluate(() => document.body.innerText.slice(0, 300));
      throw new Error(`no ${label} frame within ${STEP_MS} ms; the page shows: ${shown}`);
    }
    await page.waitForTimeout(20);
  }
}

interface Run {
  anyFrame: number;
  screenFrame: number;
  studioLive: number;
  push: number;
  peerConnection: number;
}

async function goLiveOnce(host: Page, viewer: Page): Promise<Run> {
  await viewer.reload();
  await viewer.getByRole('heading', { name: 'Waiting for the stream' }).waitFor({ timeout: STEP_MS });
  // The studio marks when its live bar first reads LIVE; the click time is taken in the page.
  const clickedAt = await host.evaluate(() => {
    const bar = document.querySelector('[aria-label="Stream status"]')?.parentElement ?? document.body;
    (window as unknown as { __liveAt?: number }).__liveAt = undefined;
    const observer = new MutationObserver(() => {
      if (document.querySelector('.live-pill')?.textContent?.includes('LIVE')) {
        (window as unknown as { __liveAt?: number }).__liveAt = performance.timeOrigin + performance.now();
        observer.disconnect();
      }
    });
    observer.observe(bar, { childList: true, subtree: true, characterData: true });
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Go live');
    if (!button) throw new Error('no Go live button');
    const at = performance.timeOrigin + performance.now();
    button.click();
    return at;
  });
  const anyFrame = await firstFrame(viewer, () => true, 'video').catch(async (error: Error) => {
    throw new Error(`${error.message}\nstudio: ${await host.locator('section[aria-labelledby="golive-heading"]').innerText()}`);
  });
  const screenFrame = await firstFrame(viewer, (label) => label.endsWith('screen'), 'screen share');
  await host.waitForFunction(() => (window as unknown as { __liveAt?: number }).__liveAt !== undefined, undefined, { timeout: STEP_MS });
  const liveAt = await host.evaluate(() => (window as unknown as { __liveAt: number }).__liveAt);
  const marks = await viewer.evaluate(() => window.__marks ?? {});
  await host.getByRole('button', { name: 'End stream' }).click({ timeout: STEP_MS });
  await host.getByRole('button', { name: 'End stream now' }).click({ timeout: STEP_MS });
  await liveBar(host).filter({ hasText: 'Not live' }).waitFor({ timeout: STEP_MS });
  const since = (at: number | undefined) => (at === undefined ? Number.NaN : at - clickedAt);
  return {
    anyFrame: anyFrame - clickedAt,
    screenFrame: screenFrame - clickedAt,
    studioLive: liveAt - clickedAt,
    push: since(marks.push),
    peerConnection: since(marks.pc),
  };
}

async function airdeckRuns(browser: Browser, livekitUrl: string): Promise<Run[]> {
  const studio = await startHeadless();
  try {
    const host = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await studio.openStudio(host);
    await host.getByRole('button', { name: 'Settings' }).click();
    await host.getByRole('textbox', { name: 'Server URL' }).fill(livekitUrl);
    await host.getByRole('button', { name: 'Save settings' }).click();
    await host.getByText('Settings saved.').waitFor();
    await host.getByRole('button', { name: 'Studio' }).click();
    await host.getByLabel('Camera preview').waitFor();
    await host.getByRole('button', { name: 'Share screen' }).click();
    await host.getByLabel('Shared screen preview').waitFor();
    await host.getByRole('textbox', { name: 'Stream title' }).fill('Benchmark');

    const viewerContext = await browser.newContext();
    await viewerContext.addInitScript(recordFirstFrames);
    await viewerContext.addInitScript({ content: RECORD_VIEWER_MILESTONES });
    const viewer = await viewerContext.newPage();
    await viewer.goto(`${studio.baseUrl}/watch`);

    const results: Run[] = [];
    for (let i = 0; i < runs; i++) {
      results.push(await goLiveOnce(host, viewer));
      process.stderr.write(`golive bench: Airdeck run ${i + 1}/${runs}: first frame ${Math.round(results.at(-1)!.anyFrame)} ms\n`);
    }
    return results;
  } finally {
    await studio.stop();
  }
}

/** Bare livekit-client: connect + publish a camera, timed to the first frame at a subscriber. */
async function baselineRuns(browser: Browser, livekitUrl: string): Promise<number[]> {
  const pages = await serveLiveKitTestPage();
  try {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const room = `baseline-${i}`;
      const subscriberContext = await browser.newContext();
      await subscriberContext.addInitScript(recordFirstFrames);
      const subscriber = await subscriberContext.newPage();
      await subscriber.goto(pages.url);
      await subscriber.waitForFunction(() => typeof window.lkTest === 'object');
      const subToken = await liveKitToken({ identity: 'sub', room });
      await subscriber.evaluate(([url, token]) => window.lkTest.connect(url, token), [livekitUrl, subToken] as const);
      const publisherContext = await browser.newContext();
      const publisher = await publisherContext.newPage();
      await publisher.goto(pages.url);
      await publisher.waitForFunction(() => typeof window.lkTest === 'object');
      const pubToken = await liveKitToken({ identity: 'pub', room, grant: { canPublish: true } });
      const startedAt = await publisher.evaluate(
        ([url, token]) => {
          const at = performance.timeOrigin + performance.now();
          void window.lkTest.connect(url, token).then(() => window.lkTest.publishCamera(1280, 720));
          return at;
        },
        [livekitUrl, pubToken] as const,
      );
      out.push((await firstFrame(subscriber, () => true, 'baseline')) - startedAt);
      process.stderr.write(`golive bench: baseline run ${i + 1}/${runs}: ${Math.round(out.at(-1)!)} ms\n`);
      await publisher.evaluate(() => window.lkTest.disconnect());
      await subscriber.evaluate(() => window.lkTest.disconnect());
      await publisherContext.close();
      await subscriberContext.close();
    }
    return out;
  } finally {
    await pages.close();
  }
}

if (!existsSync('out/main/headless.js')) {
  process.stderr.write('golive bench: out/main/headless.js is missing; run `npx electron-vite build` first\n');
  process.exit(2);
}
const began = Date.now();
const livekit = await startLiveKit();
const browser = await chromium.launch({ ...chromiumLaunchOptions(['--auto-select-desktop-capture-source=Entire screen']), headless: true });
try {
  const airdeck = await airdeckRuns(browser, livekit.url);
  const baseline = await baselineRuns(browser, livekit.url);
  process.stdout.write(
    `Go live on loopback: click "Go live" in the headless studio (screen + camera + mic, screen and camera already captured) ` +
      `→ first frame presented at the real watch page, open and waiting before the click (it learns of "live" by push); LiveKit dev server in-process, studio in its own process, ` +
      `${runs} runs. Machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}. ` +
      `Total ${Math.round((Date.now() - began) / 1000)} s.\n\n`,
  );
  process.stdout.write(
    `${timingTable([
      ['Airdeck: click → studio shows LIVE', airdeck.map((r) => r.studioLive)],
      ['Airdeck: click → waiting viewer learns "live" (/events push)', airdeck.map((r) => r.push)],
      ['Airdeck: click → viewer has its token and starts its LiveKit peer connection', airdeck.map((r) => r.peerConnection)],
      ['Airdeck: click → first frame at viewer', airdeck.map((r) => r.anyFrame)],
      ['Airdeck: click → first screen-share frame at viewer', airdeck.map((r) => r.screenFrame)],
      ['Baseline: bare livekit-client connect + publish camera → first frame at subscriber', baseline],
    ])}\n`,
  );
} finally {
  await browser.close();
  await livekit.close();
}
