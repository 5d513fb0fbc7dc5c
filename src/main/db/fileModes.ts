import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

/**
 * The data directory holds chat history, viewer identities, invite hashes and keys: nothing in
 * it is for other local users. Modes are POSIX only; on Windows the user profile's ACLs apply and
 * chmod cannot express more, so these are no-ops there.
 */
const POSIX = process.platform !== 'win32';

/** Creates the directory (and missing parents) as 0700, and tightens one that already exists. */
export function prepareOwnerOnlyDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (POSIX) chmodSync(dir, 0o700);
}

/** Creates an empty file as 0600 if missing, so whatever writes it next never widens it. */
export function createOwnerOnlyFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  restrictToOwner(file);
}

/** chmod 0600 if the file exists (files made by an older build, or by SQLite with the umask). */
export function restrictToOwner(file: string): void {
  if (!POSIX) return;
  try {
    chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
