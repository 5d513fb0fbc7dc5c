/**
 * Chat moderation: bans, timeouts, the moderation queue (held messages, reports, stage requests),
 * the pinned and highlighted message per stream, and what resume needs to replay deletions.
 */
export const migration002 = {
  version: 2,
  name: 'chat_moderation',
  sql: /* sql */ `
    -- The stream's highest seq when a message was deleted: a client resuming from seq S is told
    -- about every deletion made at or after S, which covers anything it may still be showing.
    ALTER TABLE chat_messages ADD COLUMN deleted_at_seq INTEGER;
    CREATE INDEX chat_messages_deleted ON chat_messages (stream_id, deleted_at_seq) WHERE deleted_at_seq IS NOT NULL;
    -- "Has this chatter had a message approved here?" (hold first messages of new chatters).
    CREATE INDEX chat_messages_by_sender ON chat_messages (stream_id, sender_identity, status);

    CREATE TABLE chat_bans (
      id         INTEGER PRIMARY KEY,
      identity   TEXT NOT NULL,
      -- NULL: banned from every stream.
      stream_id  TEXT REFERENCES streams (id) ON DELETE CASCADE,
      actor      TEXT NOT NULL,
      reason     TEXT,
      created_at INTEGER NOT NULL,
      lifted_at  INTEGER,
      lifted_by  TEXT
    ) STRICT;
    CREATE INDEX chat_bans_active ON chat_bans (identity, stream_id) WHERE lifted_at IS NULL;

    CREATE TABLE chat_timeouts (
      stream_id  TEXT NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
      identity   TEXT NOT NULL,
      until      INTEGER NOT NULL,
      actor      TEXT NOT NULL,
      reason     TEXT,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (stream_id, identity)
    ) STRICT, WITHOUT ROWID;

    -- One queue for every decision a moderator makes.
    CREATE TABLE moderation_items (
      id               TEXT PRIMARY KEY,
      stream_id        TEXT NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
      kind             TEXT NOT NULL CHECK (kind IN ('held_message', 'report', 'stage_request')),
      status           TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
      -- The author of the held or reported message, or the guest asking to go on stage.
      subject_identity TEXT NOT NULL,
      subject_name     TEXT NOT NULL,
      message_id       TEXT REFERENCES chat_messages (id) ON DELETE CASCADE,
      reason           TEXT NOT NULL DEFAULT '',
      report_count     INTEGER NOT NULL DEFAULT 0,
      details_json     TEXT NOT NULL DEFAULT '{}',
      created_at       INTEGER NOT NULL,
      decided_by       TEXT,
      decided_at       INTEGER
    ) STRICT;
    CREATE INDEX moderation_items_by_status ON moderation_items (stream_id, status, created_at);
    -- Many reports of one message make one pending item.
    CREATE UNIQUE INDEX moderation_items_open_report ON moderation_items (message_id)
      WHERE kind = 'report' AND status = 'pending';

    -- Who reported what, so one viewer counts once.
    CREATE TABLE moderation_reports (
      message_id        TEXT NOT NULL REFERENCES chat_messages (id) ON DELETE CASCADE,
      reporter_identity TEXT NOT NULL,
      reason            TEXT,
      created_at        INTEGER NOT NULL,
      PRIMARY KEY (message_id, reporter_identity)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE chat_stream_state (
      stream_id              TEXT PRIMARY KEY REFERENCES streams (id) ON DELETE CASCADE,
      pinned_message_id      TEXT REFERENCES chat_messages (id) ON DELETE SET NULL,
      highlighted_message_id TEXT REFERENCES chat_messages (id) ON DELETE SET NULL
    ) STRICT;
  `,
} as const;
