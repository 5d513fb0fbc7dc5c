/**
 * First schema. Later changes add new numbered files; this one is never edited once shipped.
 * Times are epoch milliseconds (INTEGER). Ids are text so they can be shown and exported as-is.
 */
export const migration001 = {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE streams (
      id                TEXT PRIMARY KEY,
      room_name         TEXT NOT NULL UNIQUE,
      title             TEXT NOT NULL,
      tags_json         TEXT NOT NULL DEFAULT '[]',
      mode              TEXT NOT NULL CHECK (mode IN ('screen_guests', 'camera_grid', 'voice_only')),
      status            TEXT NOT NULL CHECK (status IN ('live', 'ended')),
      started_at        INTEGER NOT NULL,
      ended_at          INTEGER,
      last_heartbeat_at INTEGER NOT NULL,
      peak_viewers      INTEGER NOT NULL DEFAULT 0,
      average_viewers   REAL,
      end_reason        TEXT
    ) STRICT;
    -- History lists newest first and pages with (started_at, id) keyset cursors.
    CREATE INDEX streams_by_start ON streams (started_at DESC, id DESC);
    -- Crash recovery looks up streams left live; few rows, so a partial index.
    CREATE INDEX streams_live ON streams (status) WHERE status = 'live';

    CREATE TABLE stream_viewer_samples (
      stream_id TEXT NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
      at        INTEGER NOT NULL,
      viewers   INTEGER NOT NULL CHECK (viewers >= 0),
      PRIMARY KEY (stream_id, at)
    ) STRICT, WITHOUT ROWID;

    -- One row per connection of a person to a stream (viewer, guest, moderator).
    CREATE TABLE participant_sessions (
      id         INTEGER PRIMARY KEY,
      stream_id  TEXT NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
      identity   TEXT NOT NULL,
      name       TEXT NOT NULL DEFAULT '',
      role       TEXT NOT NULL CHECK (role IN ('host', 'viewer', 'guest', 'moderator')),
      joined_at  INTEGER NOT NULL,
      left_at    INTEGER
    ) STRICT;
    CREATE INDEX participant_sessions_by_stream ON participant_sessions (stream_id, identity, joined_at);

    -- Chat. seq is assigned when a message becomes visible (held messages have none yet).
    CREATE TABLE chat_messages (
      id              TEXT PRIMARY KEY,
      stream_id       TEXT NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
      seq             INTEGER,
      sender_identity TEXT NOT NULL,
      sender_name     TEXT NOT NULL,
      sender_role     TEXT NOT NULL,
      text            TEXT NOT NULL,
      created_at      INTEGER NOT NULL,
      status          TEXT NOT NULL CHECK (status IN ('visible', 'held', 'rejected', 'deleted')),
      hold_reason     TEXT,
      decided_by      TEXT,
      decided_at      INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX chat_messages_by_seq ON chat_messages (stream_id, seq) WHERE seq IS NOT NULL;
    CREATE INDEX chat_messages_by_time ON chat_messages (stream_id, created_at);

    -- The audit log: every moderation action with who did it to whom and why.
    CREATE TABLE moderation_actions (
      id              INTEGER PRIMARY KEY,
      stream_id       TEXT REFERENCES streams (id) ON DELETE CASCADE,
      actor           TEXT NOT NULL,
      action          TEXT NOT NULL,
      target_identity TEXT,
      target_message  TEXT,
      reason          TEXT,
      details_json    TEXT,
      created_at      INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX moderation_actions_by_stream ON moderation_actions (stream_id, created_at);

    -- Invites are stored by the hash of their code; the code itself is shown once.
    CREATE TABLE invites (
      id          TEXT PRIMARY KEY,
      code_hash   TEXT NOT NULL UNIQUE,
      role        TEXT NOT NULL CHECK (role IN ('guest', 'moderator')),
      label       TEXT NOT NULL DEFAULT '',
      stream_id   TEXT REFERENCES streams (id) ON DELETE SET NULL,
      created_at  INTEGER NOT NULL,
      expires_at  INTEGER NOT NULL,
      max_uses    INTEGER NOT NULL CHECK (max_uses >= 1),
      uses        INTEGER NOT NULL DEFAULT 0,
      revoked_at  INTEGER
    ) STRICT;
  `,
} as const;
