import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFs, replaceDurably, type DurableFs } from './durableReplace';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The real file system, noting each fsync and rename in the order they happen. */
function recordingFs(steps: string[], failRename = false): DurableFs {
  return {
    async open(path, flags, mode) {
      const handle = await nodeFs.open(path, flags, mode);
      return {
        write: (data) => handle.write(data),
        close: () => handle.close(),
        async sync() {
          await handle.sync();
          steps.push(`sync ${path}`);
        },
      };
    },
    async rename(from, to) {
      if (failRename) throw new Error('disk full');
      await nodeFs.rename(from, to);
      steps.push(`rename ${from} -> ${to}`);
    },
    unlink: (path) => nodeFs.unlink(path),
  };
}

describe('replacing a file durably', () => {
  it.skipIf(process.platform === 'win32')(
    'fsyncs the new file before renaming it over the old one, then fsyncs the directory',
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'airdeck-durable-'));
      const path = join(dir, 'take.webm');
      writeFileSync(path, 'OLDHEAD-and-the-rest');
      const steps: string[] = [];
      await replaceDurably(path, Buffer.from('NEW-HEAD'), 'OLDHEAD'.length, recordingFs(steps));
      expect(readFileSync(path, 'utf8')).toBe('NEW-HEAD-and-the-rest');
      expect(steps).toEqual([`sync ${path}.tmp`, `rename ${path}.tmp -> ${path}`, `sync ${dir}`]);
    },
  );

  it('keeps the old file and removes the half-made one when the rename fails', async () => {
    dir = mkdtempSync(join(tmpdir(), 'airdeck-durable-'));
    const path = join(dir, 'take.webm');
    writeFileSync(path, 'OLDHEAD-and-the-rest');
    await expect(replaceDurably(path, Buffer.from('NEW'), 7, recordingFs([], true))).rejects.toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('OLDHEAD-and-the-rest');
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });
});
