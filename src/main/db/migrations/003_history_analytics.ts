/**
 * History and analytics: full-text search over chat, the stage and connection-quality timelines
 * the guests feature writes during a show, and the indexes the history queries need.
 *
 * Full-text search design — a contentless FTS5 table plus a rowid map:
 * `chat_messages` has a TEXT primary key, so its rowid is the implicit one, and VACUUM may
 * renumber implicit rowids. An external-content FTS table keyed on that rowid would then point at
 * the wrong messages without any error. Instead `chat_search_rows` hands every message a stable
 * INTEGER PRIMARY KEY (assigned in insertion order, so "newest first" is "highest rowid first",
 * which FTS5 can walk without sorting), and `chat_fts` indexes the text under that key without
 * storing a second copy of it (content=''). `contentless_delete=1` lets the delete trigger remove
 * a row by rowid alone. Triggers keep both in step with every insert, text edit and delete —
 * including the cascade when a stream is deleted.
 */
export const migration003 = {
  version: 3,
  name: 'history_analytics',
  sql: /* sql */ `
    CREATE TABLE chat_search_rows (
      rowid      INTEGER PRIMARY KEY,
      message_id TEXT NOT NULL UNIQUE,
      stream_id  TEXT NOT NULL
    ) STRICT;
    -- A stream's messages occupy a narrow band of search rowids (one stream is live at a time), so
    -- searching one stream's chat asks FTS5 for matches between that band's ends only.
    CREATE INDEX chat_search_rows_by_stream ON chat_search_rows (stream_id);

    CREATE VIRTUAL TABLE chat_fts USING fts5(
      text,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );

    CREATE TRIGGER chat_messages_fts_insert AFTER INSERT ON chat_messages BEGIN
      INSERT INTO chat_search_rows (message_id, stream_id) VALUES (new.id, new.stream_id);
      INSERT INTO chat_fts (rowid, text) VALUES (last_insert_rowid(), new.text);
    END;

    CREATE TRIGGER chat_messages_fts_update AFTER UPDATE OF text ON chat_messages BEGIN
      DELETE FROM chat_fts WHERE rowid = (SELECT rowid FROM chat_search_rows WHERE message_id = old.id);
      INSERT INTO chat_fts (rowid, text) SELECT rowid, new.text FROM chat_search_rows WHERE message_id = new.id;
    END;

    CREATE TRIGGER chat_messages_fts_delete AFTER DELETE ON chat_messages BEGIN
      DELETE FROM chat_fts WHERE rowid = (SELECT rowid FROM chat_search_rows WHERE message_id = old.id);
      DELETE FROM chat_search_rows WHERE message_id = old.id;
    END;

    -- Messages written before this migration, oldest first so rowids follow time.
    INSERT INTO chat_search_rows (message_id, stream_id) SELECT id, stream_id FROM chat_messages ORDER BY created_at, rowid;
    INSERT INTO chat_fts (rowid, text)
      SELECT r.rowid, m.text FROM chat_search_rows r JOIN chat_messages m ON m.id = r.message_id;

    -- A guest's time on stage: one row per stint, closed when they leave the stage or the show ends.
    CREATE TABLE stage_sessions (
      id        INTEGER PRIMARY KEY,
      stream_id TEXT NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
      identity  TEXT NOT NULL,
      name      TEXT NOT NULL DEFAULT '',
      on_at     INTEGER NOT NULL,
      off_at    INTEGER,
      CHECK (off_at IS NULL OR off_at >= on_at)
    ) STRICT;
    CREATE INDEX stage_sessions_by_stream ON stage_sessions (stream_id, identity, on_at);

    -- Each change of a participant's connection quality while live.
    CREATE TABLE connection_quality_events (
      id        INTEGER PRIMARY KEY,
      stream_id TEXT NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
      identity  TEXT NOT NULL,
      at        INTEGER NOT NULL,
      quality   TEXT NOT NULL CHECK (quality IN ('excellent', 'good', 'poor', 'lost'))
    ) STRICT;
    CREATE INDEX connection_quality_by_stream ON connection_quality_events (stream_id, identity, at);

    -- Analytics reads every session of one role in a stream (viewers, guests) in join order.
    CREATE INDEX participant_sessions_by_role ON participant_sessions (stream_id, role, joined_at);
  `,
} as const;
