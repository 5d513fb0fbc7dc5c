/**
 * Studio smoothness under a chat flood: `node --import tsx tests/bench/ui.ts [--seconds 60]
 * [--rate 50] [--chatters 10] [--held-every 10]`.
 *
 * Starts the studio as the README does (`npm run serve`) with the LiveKit-compatible dev server,
 * goes live over the control socket, opens the studio in Chromium and floods its chat at `rate`
 * msg/s from `chatters` viewer sockets. Every `held-every`-th message carries a link and is held;
 * the owner approves or rejects each held message as it is queued (queue churn). The dock shows
 * the chat for the first half and the queue for the second. Counts long tasks (> 50 ms, from a
 * `longtask` PerformanceObserver) during the flood, and reports the studio's first contentful
 * paint. The target is no long task at all. Baseline in the same run: the same page for
 * `idle-seconds` before the flood, with no chat, so long tasks the busy machine causes by itself
 * are not blamed on the flood.
 */
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import WebSocket from 'ws';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { Control } from '../support/e2e/control';
import { startHeadless } from '../support/e2e/headless';
import { startLiveKit } from '../support/e2e/livekitDevServer';
import { option } from './cliOption';

const seconds = Number(option('seconds', '60'));
const rate = Number(option('rate', '50'));
const chatters = Number(option('chatters', '10'));
const heldEvery = Number(option('held-every', '10'));
const idleSeconds = Number(option('idle-seconds', '20'));

interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __longTasks?: LongTask[];
  }
}

async function viewerChat(baseUrl: string, name: string): Promise<WebSocket> {
  const response = await fetch(`${baseUrl}/api/watch/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  const body = (await response.json()) as { ok: boolean; value?: { token: string } };
  if (!body.ok || !body.value) throw new Error(`no viewer token for ${name}: ${JSON.stringify(body)}`);
  const url = new URL(baseUrl);
  url.protocol = 'ws:';
  url.pathname = '/chat';
  url.searchParams.set('token', body.value.token);
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve()); // the welcome
    socket.once('error', reject);
  });
  return socket;
}

function fmt(value: number, digits = 0): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

const began = Date.now();
// startHeadless records its process group under .tmp (as the e2e harness does).
mkdirSync('.tmp', { recursive: true });
const livekit = await startLiveKit();
const studio = await startHeadless();
const browser = await chromium.launch(chromiumLaunchOptions());
const sockets: WebSocket[] = [];
let owner: Control | null = null;
try {
  owner = await Control.open(studio);
  const control = owner.frames;
  await owner.call('settings.update', { livekit: { url: livekit.url } });
  await owner.call('rules.update', { links: 'hold', repeatedText: 'off', rateLimit: { messages: 1000, perSeconds: 10 } });
  await owner.call('stream.start', { title: 'UI bench', mode: 'voice_only' });

  const page = await (await browser.newContext()).newPage();
  // Installed before any studio script runs, so no long task of the first load is missed.
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks?.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await studio.openStudio(page);
  const dock = page.getByRole('complementary', { name: 'Chat and moderation' });
  await dock.getByRole('textbox', { name: 'Chat message' }).waitFor();
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
  const loadTasks = await page.evaluate(() => window.__longTasks?.length ?? 0);

  for (let i = 0; i < chatters; i += 1) sockets.push(await viewerChat(studio.baseUrl, `Chatter ${i + 1}`));

  // Queue churn: decide each held message as it is queued, approving and rejecting in turn.
  let decided = 0;
  const deciding = new Set<Promise<unknown>>();
  control.socket.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString()) as { type?: string; event?: string; payload?: { id: string } };
    if (frame.type !== 'event' || frame.event !== 'moderation.queued' || !frame.payload) return;
    const decision = decided % 2 === 0 ? 'approve' : 'reject';
    decided += 1;
    const call = control.call('moderation.decide', { itemId: frame.payload.id, decision });
    deciding.add(call);
    void call.finally(() => deciding.delete(call));
  });

  const idleStart = await page.evaluate(() => performance.now());
  await page.waitForTimeout(idleSeconds * 1000);
  const floodStart = await page.evaluate(() => performance.now());
  const idleTasks = await page.evaluate(([from, to]) => (window.__longTasks ?? []).filter((t) => t.start >= from && t.start < to), [
    idleStart,
    floodStart,
  ] as const);
  const started = performance.now();
  let sent = 0;
  let switched = false;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = performance.now() - started;
      if (elapsed >= seconds * 1000) {
        clearInterval(tick);
        resolve();
        return;
      }
      if (!switched && elapsed >= (seconds * 1000) / 2) {
        switched = true;
        void dock.getByRole('tab', { name: /Queue/ }).click();
      }
      const due = Math.floor((elapsed * rate) / 1000);
      while (sent < due) {
        const held = heldEvery > 0 && sent % heldEvery === heldEvery - 1;
        const text = held ? `look https://example.com/${sent}` : `message ${sent} from the flood, a line of ordinary chat`;
        sockets[sent % sockets.length]!.send(JSON.stringify({ type: 'send', text }));
        sent += 1;
      }
    }, 5);
  });
  await Promise.all([...deciding]);
  const tasks = await page.evaluate((from) => (window.__longTasks ?? []).filter((t) => t.start >= from), floodStart);
  const durations = tasks.map((t) => t.duration).sort((a, b) => a - b);
  const total = durations.reduce((sum, d) => sum + d, 0);

  process.stdout.write(
    `Studio in Chromium (headless studio via \`npm run serve\`, LiveKit dev server in this process) during a ${seconds} s chat flood: ` +
      `${rate} msg/s from ${chatters} viewer sockets, every ${heldEvery}th message held and then approved or rejected by the owner ` +
      `over the control socket; chat tab shown for the first half, queue tab for the second. Long tasks are > 50 ms ` +
      `(PerformanceObserver 'longtask'). Machine: ${cpus().length} cores, ${fmt(totalmem() / 1024 ** 3)} GiB RAM, ` +
      `Node ${process.version}; Chromium, the studio and the load share the machine. Total ${fmt((Date.now() - began) / 1000)} s.\n\n`,
  );
  const rows = [
    ['Studio first contentful paint', `${fmt(fcp)} ms`, '—'],
    ['Long tasks during first load (before the flood)', String(loadTasks), '—'],
    [`Baseline: long tasks with no chat, same page (${idleSeconds} s)`, String(idleTasks.length), '—'],
    [`Long tasks during the flood (${seconds} s, ${sent} messages, ${decided} held decided)`, String(durations.length), '0'],
    ['Longest task during the flood', durations.length ? `${fmt(durations.at(-1)!)} ms` : '–', '—'],
    ['Time in long tasks during the flood', `${fmt(total)} ms`, '—'],
  ];
  process.stdout.write(`| Measured | Value | Target |\n|---|---:|---:|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
} finally {
  for (const socket of sockets) socket.terminate();
  owner?.close();
  await browser.close();
  await studio.stop();
  await livekit.close();
}
