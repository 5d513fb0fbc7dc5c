import type { Database } from '../openDatabase';

/** Key/value rows behind the settings service; values are JSON. */
export function readSetting(db: Database, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
}

export function writeSetting(db: Database, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}
