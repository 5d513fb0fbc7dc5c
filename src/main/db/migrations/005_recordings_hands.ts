/**
 * Local recordings of the program, and invites a viewer made for themselves by raising a hand.
 * A recording row is written before the first byte and updated with every chunk, so after a
 * crash the file and its size and duration up to the last chunk are still known.
 */
export const migration005 = {
  version: 5,
  name: 'recordings_hands',
  sql: /* sql */ `
    CREATE TABLE recordings (
      id          TEXT PRIMARY KEY,
      stream_id   TEXT NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
      -- Relative to the data directory's recordings folder; never a path from a client.
      file_name   TEXT NOT NULL UNIQUE,
      mime_type   TEXT NOT NULL,
      bytes       INTEGER NOT NULL DEFAULT 0,
      duration_ms INTEGER NOT NULL DEFAULT 0,
      started_at  INTEGER NOT NULL,
      updated_at  INTEGER NOT NULL,
      ended_at    INTEGER,
      status      TEXT NOT NULL CHECK (status IN ('recording', 'complete', 'interrupted', 'failed')),
      error       TEXT
    ) STRICT;
    CREATE INDEX recordings_by_stream ON recordings (stream_id, started_at);
    CREATE INDEX recordings_open ON recordings (status) WHERE status = 'recording';

    -- 'hand': made by the server when a viewer raised a hand on the watch page.
    ALTER TABLE invites ADD COLUMN source TEXT NOT NULL DEFAULT 'host' CHECK (source IN ('host', 'hand'));
  `,
} as const;
