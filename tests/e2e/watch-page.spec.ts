/**
 * The viewer page (/watch) against the real headless app and the LiveKit dev server: a host
 * (the livekit-client test page with the host token the app mints) publishes screen, camera and
 * mic; the viewer page must wait, go live, decode, follow the layout, show the host muted, end
 * when the room is deleted, and ask for a click when the browser blocks autoplay.
 */
import { chromium, expect, test, type Browser, type Locator, type Page } from '@playwright/test';
// For the `window.lkTest` type the host page exposes.
import type {} from '../support/e2e/pages/lkTestPage';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/e2e/chromium';
import { present, type ResultOf } from '../support/contractCall';
import { roomService, startLiveKit } from '../support/e2e/livekitDevServer';
import { useLiveKitStudio } from '../support/e2e/liveKitStudio';
import { DEPARTURE_TIMEOUT_SEC } from '../support/e2e/liveRoomServers';

type LiveSession = ResultOf<'stream.start'>;

// Each test runs the app, a publishing host and a decoding viewer (two or three Chromium pages
// doing WebRTC); on a busy 2-core machine a first frame alone can take half a minute.
test.describe.configure({ timeout: 150_000 });

const env = useLiveKitStudio();

async function goLive(title: string): Promise<LiveSession> {
  return env.control.call('stream.start', { title, mode: 'screen_guests' });
}

async function openWatchPage(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => console.log(`[watch page error] ${error.message}`));
  await page.goto(url);
  return page;
}

/** Frames the element has presented and its decoded width: what a viewer actually sees. */
function playback(video: Locator): Promise<{ frames: number; width: number }> {
  return video.evaluate((el: HTMLVideoElement) => ({ frames: el.getVideoPlaybackQuality().totalVideoFrames, width: el.videoWidth }));
}

async function expectDecoding(video: Locator, moreThan = 0): Promise<number> {
  await expect.poll(async () => (await playback(video)).width, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(async () => (await playback(video)).frames, { timeout: 30_000 }).toBeGreaterThan(moreThan);
  return (await playback(video)).frames;
}

test('a viewer waits, then watches the host live and the layout follows the room metadata', async ({ browser }) => {
  const viewer = await openWatchPage(browser, `${env.studio.baseUrl}/watch`);
  await expect(viewer.getByRole('heading', { name: 'Waiting for the stream' })).toBeVisible();
  await expect(viewer.getByText('LIVE', { exact: true })).toHaveCount(0);

  const session = await goLive('Launch day');
  expect(session.watchUrl).toBe(`${env.studio.baseUrl}/watch`);
  await env.publishHost(browser, session);

  // The waiting page notices on its own: no reload.
  await expect(viewer.getByRole('heading', { name: 'Launch day' })).toBeVisible();
  await expect(viewer.getByText('LIVE', { exact: true })).toBeVisible();
  await expect(viewer.getByRole('timer', { name: 'Elapsed time' })).toHaveText(/^\d+:\d\d$/);
  const program = viewer.getByRole('region', { name: 'Program' });
  const screen = program.getByRole('figure', { name: "Host's screen" });
  const camera = program.getByRole('figure', { name: "Host's camera" });
  const framesBefore = await expectDecoding(screen.locator('video'));
  await expectDecoding(camera.locator('video'));
  await expect(viewer.getByRole('status', { name: 'Host is muted' })).toHaveCount(0);

  // Default layout for screen + guests: the camera floats over the screen (picture in picture).
  const screenBox = (await screen.boundingBox())!;
  const pipBox = (await camera.boundingBox())!;
  expect(pipBox.width).toBeLessThan(screenBox.width / 2);
  expect(pipBox.x).toBeGreaterThan(screenBox.x);
  expect(pipBox.x + pipBox.width).toBeLessThanOrEqual(screenBox.x + screenBox.width);

  // The host moves the camera beside the screen: applied live, and the screen keeps decoding.
  const metadata = { v: 1, title: 'Launch day, part two', mode: 'screen_guests', layout: { main: 'screen', camera: 'side' } };
  await roomService(env.livekit).updateRoomMetadata(session.roomName, JSON.stringify(metadata));
  await expect(viewer.getByRole('heading', { name: 'Launch day, part two' })).toBeVisible();
  await expect
    .poll(async () => (await camera.boundingBox())!.x)
    .toBeGreaterThanOrEqual((await screen.boundingBox())!.x + (await screen.boundingBox())!.width);
  await expectDecoding(screen.locator('video'), framesBefore);

  // Camera as the main picture: the screen leaves the program.
  await roomService(env.livekit).updateRoomMetadata(
    session.roomName,
    JSON.stringify({ ...metadata, layout: { main: 'camera', camera: 'hidden' } }),
  );
  await expect(screen).toHaveCount(0);
  await expectDecoding(camera.locator('video'));
});

test('a page opened before Go live hears of it over /events and asks for a token only then', async ({ browser }) => {
  const viewer = await (await browser.newContext()).newPage();
  env.keep(viewer);
  const tokenRequests: string[] = [];
  viewer.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/watch/token') tokenRequests.push(request.method());
  });
  // The channel is up once the server's first frame (the stream state) has reached the page.
  const channelUp = new Promise<void>((resolve) => {
    viewer.on('websocket', (socket) => {
      if (new URL(socket.url()).pathname === '/events') socket.on('framereceived', () => resolve());
    });
  });
  await viewer.goto(`${env.studio.baseUrl}/watch`);
  await channelUp;
  await expect(viewer.getByRole('heading', { name: 'Waiting for the stream' })).toBeVisible();
  expect(tokenRequests).toEqual([]);

  await goLive('Early bird');
  // No reload and no polling: the push brings the page in, and only now does it ask for a token
  // (the viewer chat asks for its own once live, so count from one).
  await expect(viewer.getByRole('heading', { name: 'Early bird' })).toBeVisible();
  await expect(viewer.getByText('LIVE', { exact: true })).toBeVisible();
  expect(tokenRequests.length).toBeGreaterThanOrEqual(1);
});

test('the viewer sees the host muted, and "ended" (not reconnecting) when the room is deleted', async ({ browser }) => {
  const session = await goLive('Muted show');
  const host = await env.publishHost(browser, session);
  const viewer = await openWatchPage(browser, session.watchUrl);
  await expectDecoding(viewer.getByRole('figure', { name: "Host's screen" }).locator('video'));

  const mic = (await host.evaluate(() => window.lkTest.localTracks())).find((t) => t.source === 'microphone');
  expect(mic).toBeDefined();
  // The host's mic is muted through LiveKit (the publisher mutes its own track and tells the room).
  await roomService(env.livekit).mutePublishedTrack(session.roomName, session.hostIdentity, mic!.sid, true);
  await expect(viewer.getByRole('status', { name: 'Host is muted' })).toBeVisible();
  await expect(viewer.getByText('Host muted')).toBeVisible();

  await roomService(env.livekit).deleteRoom(session.roomName);
  await expect(viewer.getByRole('heading', { name: 'The stream has ended' })).toBeVisible();
  await expect(viewer.getByText('Reconnecting…')).toHaveCount(0);
  await expect(viewer.getByText('LIVE', { exact: true })).toHaveCount(0);
  await expect(viewer.locator('video')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Check for a new stream' })).toBeVisible();
});

/**
 * Reads the page through CDP without a user gesture. Every Playwright query (even a locator
 * count) runs with one, and a gesture lifts the autoplay block this test is about.
 */
async function readWithoutGesture<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, userGesture: false });
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

test('when the browser blocks autoplay the viewer gets "click to unmute", and the click starts the sound', async () => {
  // A browser that, like a fresh visit in a real one, needs a user gesture before playing sound.
  const args = [
    ...CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--autoplay-policy=')),
    '--autoplay-policy=document-user-activation-required',
  ];
  const strict = await chromium.launch({ executablePath: CHROMIUM_PATH, args });
  try {
    const session = await goLive('Needs a click');
    await env.publishHost(strict, session);
    const viewer = await openWatchPage(strict, session.watchUrl);

    // Untouched page: the host's audio arrives, the browser refuses to play it, the page asks.
    const blocked = `({
      button: [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Click to unmute'),
      audioPaused: document.querySelector('audio')?.paused ?? null,
      activated: navigator.userActivation.hasBeenActive,
    })`;
    await expect
      .poll(() => readWithoutGesture(viewer, blocked), { timeout: 30_000 })
      .toEqual({ button: true, audioPaused: true, activated: false });

    await expectDecoding(viewer.getByRole('figure', { name: "Host's screen" }).locator('video'));
    const unmute = viewer.getByRole('button', { name: 'Click to unmute' });
    await expect(unmute).toBeVisible();
    await unmute.click();
    await expect(unmute).toHaveCount(0);
    const audio = viewer.locator('audio');
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => !el.paused && !el.muted)).toBe(true);
  } finally {
    await strict.close();
  }
});

test('when the LiveKit server goes away the viewer sees "reconnecting", then the program again once it is back', async ({ browser }) => {
  // A LiveKit server of its own, so stopping it leaves the other tests' server alone.
  let own = await startLiveKit({ departureTimeoutSec: DEPARTURE_TIMEOUT_SEC });
  try {
    await env.control.call('settings.update', { livekit: { url: own.url } });
    const session = await goLive('Flaky network');
    await env.publishHost(browser, session);
    const viewer = await openWatchPage(browser, session.watchUrl);
    const screen = viewer.getByRole('figure', { name: "Host's screen" });
    await expectDecoding(screen.locator('video'));

    const port = own.port;
    await own.close();
    await expect(viewer.getByText('Reconnecting…')).toBeVisible();
    await expect(viewer.getByRole('heading', { name: 'The stream has ended' })).toHaveCount(0);

    own = await startLiveKit({ departureTimeoutSec: DEPARTURE_TIMEOUT_SEC, port });
    // The viewer is back in the room before the host: live, waiting for the host's picture.
    await expect(viewer.getByText('Reconnecting…')).toHaveCount(0, { timeout: 60_000 });
    await expect(viewer.getByText('The host will be right back.')).toBeVisible();
    // A server shutdown sends everyone away; the host joins again with a fresh token.
    await env.publishHost(browser, present(await env.control.call('stream.current'), 'the live stream'));
    await expectDecoding(screen.locator('video'));
    await expect(viewer.getByText('LIVE', { exact: true })).toBeVisible();
  } finally {
    await own.close();
  }
});
