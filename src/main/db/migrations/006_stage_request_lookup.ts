/**
 * A guest's stage state is read from their own latest stage request, not by listing the queue:
 * listing stopped at a page of items, so past that a guest's pending or rejected request went
 * unseen. This index makes "latest request of (stream, guest)" one index seek at any queue size.
 */
export const migration006 = {
  version: 6,
  name: 'stage_request_lookup',
  sql: /* sql */ `
    CREATE INDEX moderation_items_by_subject ON moderation_items (stream_id, subject_identity, kind, created_at);
  `,
} as const;
