import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentSchemaVersion, migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { openDatabase } from './openDatabase';

const EXPECTED_TABLES = [
  'settings',
  'streams',
  'stream_viewer_samples',
  'participant_sessions',
  'chat_messages',
  'moderation_actions',
  'invites',
];

function tableNames(db: BetterSqlite3.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name);
}

describe('migrate', () => {
  it('creates the first schema and records every version', () => {
    const db = new BetterSqlite3(':memory:');
    const version = migrate(db);
    expect(version).toBe(MIGRATIONS.at(-1)!.version);
    expect(tableNames(db)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
    const rows = db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[];
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('is idempotent: a second run applies nothing', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    const before = db.prepare('SELECT COUNT(*) AS n FROM schema_version').get();
    migrate(db);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_version').get()).toEqual(before);
  });

  it('applies only migrations newer than the stored version', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(currentSchemaVersion(db)).toBe(1);
    migrate(db);
    expect(currentSchemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
  });

  it('rolls back a failing migration and keeps the previous version', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [...MIGRATIONS, { version: 999, name: 'broken', sql: 'CREATE TABLE ok_table (a); THIS IS NOT SQL;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(currentSchemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(tableNames(db)).not.toContain('ok_table');
  });

  it('refuses a database written by a newer version', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (9999, ?, 0)').run('future');
    expect(() => migrate(db)).toThrow(/newer than this app knows/);
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    // A file on disk: an in-memory database cannot use WAL, so it would prove nothing here.
    const dir = mkdtempSync(join(tmpdir(), 'airdeck-db-'));
    const db = openDatabase(join(dir, 'airdeck.sqlite'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
