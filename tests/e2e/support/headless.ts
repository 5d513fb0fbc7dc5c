import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HeadlessStudio {
  process: ChildProcess;
  dataDir: string;
  /** Studio URL with the owner session token, as printed. */
  studioUrl: string;
  baseUrl: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Runs `node out/main/headless.js` (the built `npm run serve`) on an ephemeral port and waits for
 * the studio URL it prints. The renderer must be built first (`npm test` builds before e2e).
 */
export function startHeadless(options: { dataDir?: string; env?: Record<string, string>; port?: number } = {}): Promise<HeadlessStudio> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'airdeck-e2e-'));
  const child = spawn(process.execPath, ['out/main/headless.js', '--port', String(options.port ?? 0), '--data-dir', dataDir], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`headless studio did not start:\n${output}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`headless studio exited (${code}):\n${output}`)));
    child.stdout!.on('data', () => {
      const match = /Studio URL: (\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const studioUrl = match[1]!;
      resolve({
        process: child,
        dataDir,
        studioUrl,
        baseUrl: new URL(studioUrl).origin,
        output: () => output,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    });
  });
}
