import { z } from 'zod';
import { AbortReasonSchema, CaptureSourcesSchema, GoLiveParamsSchema, LiveSessionSchema, ViewerCountSchema } from '../domain/live';
import { StreamRecordSchema } from '../domain/stream';
import { method, OWNER, OWNER_AND_MODERATOR } from './methodSpec';

/** Going live, ending, the live state, the viewer count and capture sources. */
/** Most joins or leaves one room-view report carries; a crowd arriving at once takes several. */
export const ROOM_VIEW_BATCH = 200;

export const RoomViewerSchema = z.object({ identity: z.string().min(1).max(128), name: z.string().max(128) }).strict();
export type RoomViewer = z.infer<typeof RoomViewerSchema>;

export const streamMethods = {
  'stream.start': method({
    params: GoLiveParamsSchema,
    result: LiveSessionSchema,
    roles: OWNER,
    summary: 'Create the LiveKit room, write the stream row and mint the host token.',
  }),
  'stream.current': method({
    params: z.object({}).strict(),
    result: LiveSessionSchema.nullable(),
    roles: OWNER,
    summary: 'The live session (with a fresh host token), or null when not live.',
  }),
  'stream.end': method({
    params: z.object({ streamId: z.string().min(1).max(64) }).strict(),
    result: StreamRecordSchema,
    roles: OWNER,
    summary: 'Close the room for everyone and finalise the history record.',
  }),
  'stream.abort': method({
    params: z.object({ streamId: z.string().min(1).max(64), reason: AbortReasonSchema }).strict(),
    result: z.object({ removed: z.boolean() }),
    roles: OWNER,
    summary: 'Undo a start whose publishing failed: delete the room and the row.',
  }),
  'stream.reportRoomView': method({
    params: z
      .object({
        streamId: z.string().min(1).max(64),
        viewers: z.number().int().min(0).max(1_000_000),
        /** Viewers who joined / left since the last report, as the host's room saw them. */
        joined: z.array(RoomViewerSchema).max(ROOM_VIEW_BATCH).default([]),
        left: z.array(z.string().min(1).max(128)).max(ROOM_VIEW_BATCH).default([]),
      })
      .strict(),
    result: ViewerCountSchema,
    roles: OWNER,
    summary:
      "The host's own view of the audience: the count (used when no webhook arrives) and who joined or left (viewer sessions for analytics, with or without webhooks).",
  }),
  'capture.listSources': method({
    params: z.object({}).strict(),
    result: CaptureSourcesSchema,
    roles: OWNER,
    summary: 'Screens and windows to share (desktop), or "use the browser picker".',
  }),
  'capture.selectSource': method({
    params: z.object({ id: z.string().min(1).max(200), withAudio: z.boolean().default(false) }).strict(),
    result: z.object({ selected: z.string() }),
    roles: OWNER,
    summary: 'The source the next getDisplayMedia call is granted (desktop).',
  }),
} as const;

export const streamEvents = {
  'stream.state': { payload: z.object({ live: LiveSessionSchema.omit({ hostToken: true }).nullable() }), roles: OWNER_AND_MODERATOR },
  'viewers.count': { payload: ViewerCountSchema, roles: OWNER_AND_MODERATOR },
} as const;
