import type { Database } from '../../src/main/db/openDatabase';
import { appendAudit } from '../../src/main/db/moderation/auditLog';
import { deleteChatMessage, insertChatMessage, publishHeldMessage, rejectHeldMessage } from '../../src/main/db/chat/chatMessages';
import { closeOpenSessions, closeParticipantSession, openParticipantSession } from '../../src/main/db/history/participantSessions';
import { recordQualityChange } from '../../src/main/db/history/qualityEvents';
import { closeOpenStageSessions, closeStageSession, openStageSession } from '../../src/main/db/stage/stageSessions';
import { createStream, endStream } from '../../src/main/db/history/streams';
import { addViewerSample } from '../../src/main/db/history/viewerSamples';

export const MIN = 60_000;

/**
 * A ten-minute show written through the same history functions the live services use, with
 * every number worked out by hand (see `EXPECTED`). Times are offsets from `start`.
 *
 * Viewers: v1 0–end (never left), v2 2–6, v3 4–5 and again 7–9, v4 8–12 (after the end).
 * Guests: Ana on stage 1–3 and 6–end; Cy 4–5; Ben joined as a guest but never went on stage.
 * Chat: two plain messages, one held and rejected, one held and approved, one deleted, one still held.
 */
export function seedSimulatedStream(db: Database, options: { id?: string; start?: number; title?: string } = {}) {
  const id = options.id ?? 'sim-stream';
  const t0 = options.start ?? Date.UTC(2026, 10, 20, 18, 0, 0);
  const at = (minutes: number) => t0 + Math.round(minutes * MIN);
  createStream(db, {
    id,
    roomName: `room-${id}`,
    title: options.title ?? 'Launch day Q&A',
    tags: ['launch', 'qa'],
    mode: 'screen_guests',
    startedAt: t0,
  });

  const join = (identity: string, role: 'viewer' | 'guest' | 'host', from: number, to: number | null) => {
    openParticipantSession(db, { streamId: id, identity, name: identity.toUpperCase(), role, joinedAt: at(from) });
    if (to !== null) closeParticipantSession(db, id, identity, at(to));
  };
  join('host', 'host', 0, null);
  join('v1', 'viewer', 0, null);
  join('v2', 'viewer', 2, 6);
  join('v3', 'viewer', 4, 5);
  join('v3', 'viewer', 7, 9);
  join('v4', 'viewer', 8, 12);
  join('g-ana', 'guest', 0.5, null);
  join('g-ben', 'guest', 2, 8);
  join('g-cy', 'guest', 3.5, 5.5);

  openStageSession(db, { streamId: id, identity: 'g-ana', name: 'Ana', at: at(1) });
  closeStageSession(db, id, 'g-ana', at(3));
  openStageSession(db, { streamId: id, identity: 'g-ana', name: 'Ana', at: at(6) });
  openStageSession(db, { streamId: id, identity: 'g-cy', name: 'Cy', at: at(4) });
  closeStageSession(db, id, 'g-cy', at(5));

  for (const [minute, quality] of [
    [1, 'excellent'],
    [1.5, 'excellent'],
    [2, 'good'],
    [7, 'lost'],
    [7.5, 'good'],
  ] as const) {
    recordQualityChange(db, { streamId: id, identity: 'g-ana', at: at(minute), quality });
  }
  recordQualityChange(db, { streamId: id, identity: 'g-cy', at: at(4), quality: 'poor' });

  const message = (
    mid: string,
    minute: number,
    sender: string,
    text: string,
    status: 'visible' | 'held',
    seq: number | null,
    holdReason: string | null = null,
  ) =>
    insertChatMessage(db, {
      id: `${id}-${mid}`,
      streamId: id,
      seq,
      sender: { identity: sender, name: sender.toUpperCase(), role: 'viewer' },
      text,
      createdAt: at(minute),
      status,
      holdReason,
    });
  message('m1', 0.5, 'v1', 'hello everyone, excited for the launch', 'visible', 1);
  message('m2', 1 + 10 / 60, 'v2', 'great stream "so far", really', 'visible', 2);
  message('m3', 1 + 20 / 60, 'v2', 'buy now at http://spam.example', 'held', null, 'link');
  rejectHeldMessage(db, `${id}-m3`, 'host', at(1 + 40 / 60));
  message('m4', 2 + 5 / 60, 'v3', '=HYPERLINK("x") first time here', 'held', null, 'new chatter');
  publishHeldMessage(db, `${id}-m4`, 3, 'moderator:ana', at(2.5));
  message('m5', 3, 'v2', 'something rude\nover two lines', 'visible', 4);
  deleteChatMessage(db, `${id}-m5`, 4, 'host', at(3 + 10 / 60));
  message('m6', 9 + 59 / 60, 'v4', 'late question about pricing', 'held', null, 'new chatter');

  appendAudit(db, {
    streamId: id,
    actor: 'host',
    action: 'reject',
    targetIdentity: 'v2',
    targetMessageId: `${id}-m3`,
    reason: 'spam',
    at: at(1 + 40 / 60),
  });
  appendAudit(db, {
    streamId: id,
    actor: 'moderator:ana',
    action: 'approve',
    targetIdentity: 'v3',
    targetMessageId: `${id}-m4`,
    at: at(2.5),
  });
  appendAudit(db, {
    streamId: id,
    actor: 'host',
    action: 'delete',
    targetIdentity: 'v2',
    targetMessageId: `${id}-m5`,
    reason: 'rude, "really"',
    at: at(3 + 10 / 60),
  });
  appendAudit(db, { streamId: id, actor: 'host', action: 'timeout', targetIdentity: 'v2', details: { minutes: 5 }, at: at(3.2) });

  // What the live sampler records every 5 s; the stream row's peak and mean come from these.
  const watching: [number, number][] = [
    [0, 10],
    [2, 6],
    [4, 5],
    [7, 9],
    [8, 12],
  ];
  for (let seconds = 5; seconds < 600; seconds += 5) {
    const minute = seconds / 60;
    addViewerSample(db, id, { at: at(minute), viewers: watching.filter(([from, to]) => minute >= from && minute < to).length });
  }

  endStream(db, id, at(10), 'host_ended');
  closeOpenSessions(db, id, at(10));
  closeOpenStageSessions(db, id, at(10));
  return { id, t0, at };
}

/** The numbers `seedSimulatedStream` must produce, worked out by hand from its timeline. */
export const EXPECTED = {
  peak: 3,
  // Viewer-minutes 2+4+3+2+1+2+3+2 = 19 over 10 minutes.
  average: 1.9,
  unique: 4,
  totalWatchMs: 19 * MIN,
  // [minute, viewers]: watch times are 10, 4, 3 and 2 minutes.
  retention: [
    [0, 4],
    [1, 4],
    [2, 4],
    [3, 3],
    [4, 2],
    [5, 1],
    [6, 1],
    [7, 1],
    [8, 1],
    [9, 1],
    [10, 1],
  ] as const,
  // [minute, concurrent viewers from then on]
  timeline: [
    [0, 1],
    [2, 2],
    [4, 3],
    [5, 2],
    [6, 1],
    [7, 2],
    [8, 3],
    [9, 2],
    [10, 0],
  ] as const,
  guests: [
    { identity: 'g-ana', name: 'Ana', stageMs: 6 * MIN },
    { identity: 'g-cy', name: 'Cy', stageMs: 1 * MIN },
    { identity: 'g-ben', name: 'G-BEN', stageMs: 0 },
  ],
  chat: { total: 6, visible: 3, held: 3, rejected: 1, deleted: 1, pending: 1 },
  // [minute, shown, moderated]; minutes not listed are 0, 0.
  chatPerMinute: [
    [0, 1, 0],
    [1, 1, 1],
    [2, 1, 0],
    [3, 0, 1],
    [9, 0, 1],
  ] as const,
  moderation: {
    total: 4,
    byAction: [
      { action: 'approve', count: 1 },
      { action: 'delete', count: 1 },
      { action: 'reject', count: 1 },
      { action: 'timeout', count: 1 },
    ],
  },
  // [actor, action, target] in time order.
  moderationLog: [
    ['host', 'reject', 'v2'],
    ['moderator:ana', 'approve', 'v3'],
    ['host', 'delete', 'v2'],
    ['host', 'timeout', 'v2'],
  ],
};
