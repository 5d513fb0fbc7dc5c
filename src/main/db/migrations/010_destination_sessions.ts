/**
 * Which multistream destinations each stream used: one row per destination per program session
 * (a studio reload starts another), with how long it was live and how often and why it dropped.
 * The name is copied in so history still reads right after the destination is renamed or removed;
 * the stream key is never stored here.
 */
export const migration010 = {
  version: 10,
  name: 'destination_sessions',
  sql: /* sql */ `
    CREATE TABLE destination_sessions (
      id             INTEGER PRIMARY KEY,
      stream_id      TEXT NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
      destination_id TEXT NOT NULL,
      name           TEXT NOT NULL,
      kind           TEXT NOT NULL,
      started_at     INTEGER NOT NULL,
      ended_at       INTEGER,
      live_ms        INTEGER NOT NULL DEFAULT 0,
      failures       INTEGER NOT NULL DEFAULT 0,
      last_error     TEXT
    ) STRICT;
    CREATE INDEX destination_sessions_by_stream ON destination_sessions (stream_id, started_at);
  `,
} as const;
