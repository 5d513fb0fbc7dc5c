/**
 * SFU benchmark for src/main/rehearsal: one publisher (720p screen share + camera) and
 * N = 1, 4, 8 subscriber pages in Debian's Chromium. For each N it reports the dev server's
 * CPU and memory (total and per subscriber) while forwarding, and the time from the publish
 * call to each subscriber's first decoded screen-share frame. Prints a markdown table.
 *
 * Run: node --import tsx tests/bench/sfu.ts [--subscribers 1,4,8] [--measure-sec 10]
 * The dev server runs as a child process so its CPU is measured alone (from /proc).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/e2e/chromium';
import { liveKitToken } from '../support/e2e/livekitDevServer';
import { serveLiveKitTestPage, type TestPageServer } from '../support/e2e/livekitTestPage';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLK_TCK = 100; // Linux USER_HZ

interface ProcSample {
  cpuSec: number;
  rssMb: number;
  at: number;
}

interface RunResult {
  subscribers: number;
  firstFrameMs: number[];
  cpuPercent: number;
  idleRssMb: number;
  rssMb: number;
  fps: number;
}

async function sampleProc(pid: number): Promise<ProcSample> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the ")" of the command name: utime is field 14, stime 15 (1-based).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuSec: (utime + stime) / CLK_TCK, rssMb: rssKb / 1024, at: Date.now() };
}

async function startServerProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'src/main/rehearsal/cli.ts'), '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('dev server did not start')), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (ws:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`dev server exited with ${code}`)));
  });
  return { child, url };
}

async function openJoined(
  browser: Browser,
  pageUrl: string,
  serverUrl: string,
  room: string,
  identity: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pageUrl);
  await page.waitForFunction(() => typeof window.lkTest === 'object');
  const token = await liveKitToken({ identity, room });
  await page.evaluate(([u, t]) => window.lkTest.connect(u, t), [serverUrl, token] as const);
  return { context, page };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.floor((s.length - 1) / 2)] as number);
}

async function runOnce(
  browser: Browser,
  pages: TestPageServer,
  serverUrl: string,
  pid: number,
  subscribers: number,
  measureSec: number,
): Promise<RunResult> {
  const room = `bench-${subscribers}-${Date.now()}`;
  const idle = await sampleProc(pid);
  const contexts: BrowserContext[] = [];
  try {
    const subs: Page[] = [];
    for (let i = 0; i < subscribers; i++) {
      const s = await openJoined(browser, pages.url, serverUrl, room, `sub-${i}`);
      contexts.push(s.context);
      subs.push(s.page);
    }
    const pub = await openJoined(browser, pages.url, serverUrl, room, 'publisher');
    contexts.push(pub.context);
    const firstFrames = subs.map((p) => p.evaluate(() => window.lkTest.firstFrameAt('screen_share', 60_000)));
    const publishedAt = Date.now();
    await pub.page.evaluate(() => window.lkTest.publishCanvasScreenShare(1280, 720));
    await pub.page.evaluate(() => window.lkTest.publishCamera(640, 360));
    const firstFrameMs = (await Promise.all(firstFrames)).map((t) => t - publishedAt);
    // Let bandwidth estimation settle before measuring the steady state.
    await subs[0]?.waitForTimeout(3000);
    const framesBefore = await Promise.all(subs.map((p) => p.evaluate(() => window.lkTest.videoStats())));
    const a = await sampleProc(pid);
    await subs[0]?.waitForTimeout(measureSec * 1000);
    const b = await sampleProc(pid);
    const framesAfter = await Promise.all(subs.map((p) => p.evaluate(() => window.lkTest.videoStats())));
    const elapsed = (b.at - a.at) / 1000;
    const fpsPerSub = framesAfter.map((after, i) => {
      const sum = (stats: typeof after): number => stats.reduce((n, s) => n + s.framesDecoded, 0);
      return (sum(after) - sum(framesBefore[i] ?? [])) / elapsed;
    });
    return {
      subscribers,
      firstFrameMs,
      cpuPercent: ((b.cpuSec - a.cpuSec) / elapsed) * 100,
      idleRssMb: idle.rssMb,
      rssMb: b.rssMb,
      fps: fpsPerSub.reduce((x, y) => x + y, 0) / Math.max(1, fpsPerSub.length),
    };
  } finally {
    for (const c of contexts) {
      // A page that already left or crashed has nothing to disconnect; the context goes either way.
      await Promise.all(c.pages().map((p) => p.evaluate(() => window.lkTest.disconnect()).catch(() => undefined)));
      await c.close();
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { subscribers: { type: 'string', default: '1,4,8' }, 'measure-sec': { type: 'string', default: '10' } },
  });
  const counts = values.subscribers
    .split(',')
    .map((n) => Number(n.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  const measureSec = Math.max(2, Number(values['measure-sec']) || 10);
  const { child, url } = await startServerProcess();
  const pages = await serveLiveKitTestPage();
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  const results: RunResult[] = [];
  try {
    for (const n of counts) {
      console.error(`running with ${n} subscriber(s)…`);
      results.push(await runOnce(browser, pages, url, child.pid ?? 0, n, measureSec));
    }
  } finally {
    await browser.close();
    await pages.close();
    child.kill('SIGTERM');
  }
  const f = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : '–');
  console.log(
    `\nDev server SFU benchmark — publisher: 1280x720 canvas screen share (15 fps) + 640x360 camera; ${measureSec} s steady state\n`,
  );
  console.log(
    '| subscribers | first frame median (ms) | first frame max (ms) | server CPU (% of one core) | CPU per subscriber (%) | server RSS (MB) | RSS growth per subscriber (MB) | decoded fps per subscriber |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.subscribers} | ${f(median(r.firstFrameMs), 0)} | ${f(Math.max(...r.firstFrameMs), 0)} | ${f(r.cpuPercent)} | ${f(r.cpuPercent / r.subscribers)} | ${f(r.rssMb, 0)} | ${f((r.rssMb - r.idleRssMb) / r.subscribers)} | ${f(r.fps)} |`,
    );
  }
  console.log(
    '\nfps counts all decoded video tracks of a subscriber (screen share + camera). The machine running Chromium also runs the server, so numbers are upper bounds.',
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
