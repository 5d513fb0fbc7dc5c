/**
 * Guests and the stage. A guest session is what redeeming an invite creates (identified by the
 * hash of a bearer token the guest page keeps); the roster is who is backstage or on stage in
 * which slot, so the stage survives a studio restart.
 */
export const migration004 = {
  version: 4,
  name: 'guests_stage',
  sql: /* sql */ `
    CREATE TABLE guest_sessions (
      id           TEXT PRIMARY KEY,
      token_hash   TEXT NOT NULL UNIQUE,
      invite_id    TEXT NOT NULL REFERENCES invites (id) ON DELETE CASCADE,
      identity     TEXT NOT NULL UNIQUE,
      name         TEXT NOT NULL,
      created_at   INTEGER NOT NULL,
      -- Set when the guest was kicked or rejected for a stream, with the stream it applies to.
      removed_from TEXT REFERENCES streams (id) ON DELETE SET NULL,
      removed_at   INTEGER,
      notice       TEXT
    ) STRICT;
    CREATE INDEX guest_sessions_by_invite ON guest_sessions (invite_id);

    CREATE TABLE stage_roster (
      stream_id  TEXT NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
      identity   TEXT NOT NULL,
      name       TEXT NOT NULL,
      state      TEXT NOT NULL CHECK (state IN ('backstage', 'stage')),
      slot       INTEGER CHECK (slot BETWEEN 0 AND 3),
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (stream_id, identity)
    ) STRICT, WITHOUT ROWID;
    CREATE UNIQUE INDEX stage_roster_slot ON stage_roster (stream_id, slot) WHERE slot IS NOT NULL;

    CREATE TABLE stage_spotlight (
      stream_id TEXT PRIMARY KEY REFERENCES streams (id) ON DELETE CASCADE,
      identity  TEXT
    ) STRICT;
  `,
} as const;
