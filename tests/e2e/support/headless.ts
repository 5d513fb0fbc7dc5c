import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackProcessGroup, untrackProcessGroup } from './processGroups';

export interface HeadlessStudio {
  process: ChildProcess;
  dataDir: string;
  /** Studio URL with the owner session token, as printed. */
  studioUrl: string;
  baseUrl: string;
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
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run serve exited (${code}):\n${output}`));
    });
    child.stdout!.on('data', () => {
      const match = /Studio URL: (\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const studioUrl = match[1]!;
      resolve({ process: child, dataDir, studioUrl, baseUrl: new URL(studioUrl).origin, output: () => output, stop });
    });
  });
}

/** npm exits when its child does; the app may still be finishing its shutdown a moment later. */
async function waitForGroupToEnd(group: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(-group, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // gone meanwhile
  }
}
