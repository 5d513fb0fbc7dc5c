import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Response } from '@playwright/test';
import { redeemLink } from '../sessionLinks';
import { isGroupAlive, trackProcessGroup, untrackProcessGroup } from './processGroups';

/** Building the app and starting it; a cold build on a busy 2-core machine takes most of this. */
const STARTUP_TIMEOUT_MS = 60_000;
/** After npm exits, how long the app's own shutdown may take before its group is killed. */
const SHUTDOWN_POLLS = 100;
const SHUTDOWN_POLL_MS = 50;

export interface HeadlessStudio {
  process: ChildProcess;
  dataDir: string;
  /** The studio URL as printed; its one-time link is already spent by the harness, as a first visit would. */
  printedUrl: string;
  /** The owner's session token the printed link was exchanged for (what the browser's cookie holds). */
  ownerSession: string;
  /** The control socket URL, as the owner (a non-browser client holding the session token). */
  controlUrl: string;
  baseUrl: string;
  /** Opens the studio in `page` as the owner: puts the session cookie in its context, then loads `/`. */
  openStudio(page: Page): Promise<Response | null>;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface HeadlessOptions {
  dataDir?: string;
  env?: Record<string, string>;
  port?: number;
  /**
   * Let the app start its own rehearsal server, as a first run does. Off by default: specs bring
   * their own LiveKit-compatible server on a free port, and several studios may run at once.
   */
  localLivekit?: boolean;
}

/**
 * Starts the studio exactly as the README says — `npm run serve -- --port N --data-dir DIR` —
 * and waits for the studio URL it prints. The command runs in its own process group, so stopping
 * it (or a crash of the test) takes npm, the build and the app down together.
 */
export function startHeadless(options: HeadlessOptions = {}): Promise<HeadlessStudio> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'airdeck-e2e-'));
  const args = ['run', 'serve', '--', '--port', String(options.port ?? 0), '--data-dir', dataDir];
  if (!options.localLivekit) args.push('--no-local-livekit');
  const child = spawn('npm', args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const group = child.pid!;
  trackProcessGroup(group);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    try {
      process.kill(-group, signal);
    } catch {
      // the group is already gone
    }
    await exited;
    await waitForGroupToEnd(group);
    untrackProcessGroup(group);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`npm run serve did not print a studio URL:\n${output}`));
    }, STARTUP_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run serve exited (${code}):\n${output}`));
    });
    let printed = false;
    child.stdout!.on('data', () => {
      const match = /Studio URL: (\S+)/.exec(output);
      if (!match || printed) return;
      printed = true;
      clearTimeout(timer);
      const printedUrl = match[1]!;
      const baseUrl = new URL(printedUrl).origin;
      // The printed link works once: spend it here, once, and hand the specs the session it opened.
      redeemLink(printedUrl).then(
        (ownerSession) =>
          resolve({
            process: child,
            dataDir,
            printedUrl,
            ownerSession,
            controlUrl: `${baseUrl.replace('http', 'ws')}/control?session=${ownerSession}`,
            baseUrl,
            async openStudio(page) {
              await page
                .context()
                .addCookies([{ name: 'airdeck_session', value: ownerSession, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
              return page.goto(`${baseUrl}/`);
            },
            output: () => output,
            stop,
          }),
        (error: unknown) => {
          void stop('SIGKILL');
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  });
}

/** npm exits when its child does; the app may still be finishing its shutdown a moment later. */
async function waitForGroupToEnd(group: number): Promise<void> {
  for (let i = 0; i < SHUTDOWN_POLLS; i++) {
    if (!isGroupAlive(group)) return;
    await new Promise((resolve) => setTimeout(resolve, SHUTDOWN_POLL_MS));
  }
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // gone meanwhile
  }
}
