import { createReadStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The file operations a durable replace needs; tests pass a recording wrapper around the real ones. */
export interface DurableFs {
  open(
    path: string,
    flags: string,
    mode?: number,
  ): Promise<{ write(data: Buffer): Promise<unknown>; sync(): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeFs: DurableFs = { open, rename, unlink };

/**
 * Replaces `path` with `head` followed by the bytes of the current file from `tailFrom` on, so a
 * power cut leaves either the old file or the new one, never a truncated mix: the new file is
 * written beside it, fsynced, renamed over it, and then the directory is fsynced so the rename
 * itself survives. (On Windows a directory cannot be opened for sync; NTFS journals the rename.)
 */
export async function replaceDurably(path: string, head: Buffer, tailFrom: number, fs: DurableFs = nodeFs): Promise<void> {
  const temporary = `${path}.tmp`;
  try {
    const out = await fs.open(temporary, 'w', 0o600);
    try {
      await out.write(head);
      for await (const chunk of createReadStream(path, { start: tailFrom })) await out.write(chunk as Buffer);
      await out.sync();
    } finally {
      await out.close();
    }
    await fs.rename(temporary, path);
  } catch (error) {
    // The original error is what the caller needs; a temporary file never made needs no removal.
    await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
  if (process.platform === 'win32') return;
  const directory = await fs.open(dirname(path), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
