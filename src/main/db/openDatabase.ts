import BetterSqlite3, { type Database } from 'better-sqlite3';
import { dirname } from 'node:path';
import { createOwnerOnlyFile, prepareOwnerOnlyDir, restrictToOwner } from './fileModes';
import { migrate } from './migrate';

export type { Database };

/**
 * Opens (creating if needed) the history database with the settings every connection needs:
 * WAL so readers never block the writer, foreign keys on, a busy timeout instead of instant
 * SQLITE_BUSY, and NORMAL sync, which in WAL mode is still safe against application crashes.
 * Chat commits raise it to FULL for their own transaction (chat/writer.ts): an acknowledged
 * message must also survive power loss, and batching keeps that to one fsync per batch.
 */
export function openDatabase(file: string): Database {
  const onDisk = file !== ':memory:';
  if (onDisk) {
    prepareOwnerOnlyDir(dirname(file));
    // SQLite would create the file with the umask (often 0644); it gives -wal and -shm the
    // database file's mode, so making this one 0600 first keeps all three private.
    createOwnerOnlyFile(file);
  }
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  if (onDisk) for (const suffix of ['-wal', '-shm']) restrictToOwner(`${file}${suffix}`);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
