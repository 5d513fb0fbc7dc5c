import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';

export type { Database };

/**
 * Opens (creating if needed) the history database with the settings every connection needs:
 * WAL so readers never block the writer, foreign keys on, a busy timeout instead of instant
 * SQLITE_BUSY, and NORMAL sync, which in WAL mode is still safe against application crashes.
 */
export function openDatabase(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
