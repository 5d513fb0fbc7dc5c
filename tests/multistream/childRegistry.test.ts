import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/main/logging';
import { ChildRegistry } from '../../src/main/multistream/childRegistry';
import { ffmpegPath } from '../../src/main/multistream/ffmpegBinary';

describe('encoder pid file', () => {
  it('lets the next start kill an ffmpeg a crashed run left behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'airdeck-pids-'));
    // An "orphan": an ffmpeg that would run forever, as an encoder does while fed.
    const orphan = spawn(ffmpegPath(), ['-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc', '-f', 'null', '-'], {
      stdio: 'ignore',
    });
    const gone = new Promise<NodeJS.Signals | null>((resolve) => orphan.once('exit', (_code, signal) => resolve(signal)));
    await new Promise((resolve) => orphan.once('spawn', resolve));
    const pidFile = join(dataDir, 'multistream.pids');
    writeFileSync(pidFile, JSON.stringify([orphan.pid]));

    const registry = new ChildRegistry(pidFile, createLogger({ sink: () => undefined }));
    const reaped = registry.reapLeftovers();
    // A failed expectation must not leave the process behind.
    if (reaped === 0) orphan.kill('SIGKILL');
    expect(reaped).toBe(1);
    expect(await gone).toBe('SIGKILL');
    expect(existsSync(pidFile)).toBe(false);
    registry.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
