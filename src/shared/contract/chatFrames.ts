import { z } from 'zod';
import { BanScopeSchema, ChatIdSchema, ChatMessageSchema, ChatRoleSchema, ReactionSchema, TimeoutMinutesSchema } from '../domain/chat';

/**
 * Frames on the chat WebSocket (`/chat`). Viewers and guests connect with `?token=<LiveKit JWT>`;
 * the studio and co-moderators with `?session=<token>&room=<room name>`. A reconnecting client adds
 * `&since=<last seq>` and gets exactly the messages it missed.
 *
 * The server sends either one frame object or, for broadcasts, an array of frames: messages that
 * arrive within a few milliseconds share one WebSocket frame and one serialization.
 */

/** Largest frame the server reads; a bigger one closes the socket with 1009. */
export const CHAT_MAX_FRAME_BYTES = 16 * 1024;
/** Messages a joining client receives when it has nothing to resume from. */
export const CHAT_JOIN_HISTORY = 50;
/** Most messages one resume replays; past that the client gets the newest and `truncated`. */
export const CHAT_MAX_REPLAY = 1000;

/** Close codes the client must not retry: authentication or a ban will not change by retrying. */
export const CHAT_CLOSE = {
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  shutdown: 1001,
} as const;

export const CHAT_ERROR_CODES = [
  'bad_request',
  'unknown_type',
  'too_large',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'slow_mode',
  'timed_out',
  'banned',
  'blocked',
  'stream_ended',
  'internal',
] as const;
export const ChatErrorCodeSchema = z.enum(CHAT_ERROR_CODES);
export type ChatErrorCode = z.infer<typeof ChatErrorCodeSchema>;

/** Optional client-chosen correlation id, echoed in the ack, `done` or error answering a frame. */
const ref = z.string().min(1).max(64).optional();
const reason = z.string().trim().max(200).optional();

export const ClientChatFrameSchema = z.discriminatedUnion('type', [
  /** `id` lets a client retry a send after a reconnect without doubling the message. */
  z.object({ type: z.literal('send'), ref, id: ChatIdSchema.optional(), text: z.string().max(4000) }).strict(),
  z.object({ type: z.literal('react'), ref, reaction: ReactionSchema }).strict(),
  z.object({ type: z.literal('report'), ref, messageId: z.string().min(1).max(64), reason }).strict(),
  // Moderators and the host only:
  z.object({ type: z.literal('delete'), ref, messageId: z.string().min(1).max(64), reason }).strict(),
  z.object({ type: z.literal('pin'), ref, messageId: z.string().min(1).max(64).nullable() }).strict(),
  z.object({ type: z.literal('highlight'), ref, messageId: z.string().min(1).max(64).nullable() }).strict(),
  z.object({ type: z.literal('timeout'), ref, identity: z.string().min(1).max(128), minutes: TimeoutMinutesSchema, reason }).strict(),
  z.object({ type: z.literal('ban'), ref, identity: z.string().min(1).max(128), scope: BanScopeSchema, reason }).strict(),
  z.object({ type: z.literal('unban'), ref, identity: z.string().min(1).max(128), reason }).strict(),
  z.object({ type: z.literal('approve'), ref, itemId: z.string().min(1).max(64) }).strict(),
  z.object({ type: z.literal('reject'), ref, itemId: z.string().min(1).max(64), reason }).strict(),
]);
export type ClientChatFrame = z.infer<typeof ClientChatFrameSchema>;
export type ClientChatFrameType = ClientChatFrame['type'];
export const CLIENT_CHAT_FRAME_TYPES: readonly ClientChatFrameType[] = ClientChatFrameSchema.options.map(
  (option) => option.shape.type.value,
);
export const MODERATOR_FRAME_TYPES: ReadonlySet<ClientChatFrameType> = new Set([
  'delete',
  'pin',
  'highlight',
  'timeout',
  'ban',
  'unban',
  'approve',
  'reject',
]);

/** Slow mode switched on or off; you were timed out (bans arrive as an error frame, then a close). */
const NoticeKindSchema = z.enum(['slow_mode', 'timed_out']);

export const ServerChatFrameSchema = z.discriminatedUnion('type', [
  /** First frame after connecting: who you are, history (or what you missed) and the stream's state. */
  z.object({
    type: z.literal('welcome'),
    streamId: z.string(),
    you: z.object({ identity: z.string(), name: z.string(), role: ChatRoleSchema }),
    messages: z.array(ChatMessageSchema),
    /** Messages deleted since `since` that this client may still show. */
    deleted: z.array(z.string()),
    /** True when more was missed than one resume replays; the client shows a gap marker. */
    truncated: z.boolean(),
    lastSeq: z.number().int(),
    pinned: ChatMessageSchema.nullable(),
    highlight: ChatMessageSchema.nullable(),
    slowModeSeconds: z.number().int(),
    /** Set when this chatter is timed out right now. */
    timedOutUntil: z.number().nullable(),
  }),
  /** The sender's own message was stored: visible with a seq, or held for review. */
  z.object({
    type: z.literal('ack'),
    ref: z.string().optional(),
    id: z.string(),
    seq: z.number().int().nullable(),
    status: z.enum(['visible', 'held']),
  }),
  /** A moderator frame took effect. */
  z.object({ type: z.literal('done'), ref: z.string().optional() }),
  z.object({ type: z.literal('message'), message: ChatMessageSchema }),
  z.object({ type: z.literal('deleted'), id: z.string() }),
  z.object({ type: z.literal('pinned'), message: ChatMessageSchema.nullable() }),
  z.object({ type: z.literal('highlight'), message: ChatMessageSchema.nullable() }),
  /** Reactions received in the last ~250 ms, by kind. */
  z.object({ type: z.literal('reactions'), counts: z.record(z.string(), z.number().int()) }),
  z.object({
    type: z.literal('notice'),
    kind: NoticeKindSchema,
    message: z.string(),
    seconds: z.number().int().optional(),
    until: z.number().optional(),
  }),
  z.object({
    type: z.literal('error'),
    ref: z.string().optional(),
    code: ChatErrorCodeSchema,
    message: z.string(),
    retryAfterMs: z.number().int().optional(),
  }),
]);
export type ServerChatFrame = z.infer<typeof ServerChatFrameSchema>;
export type ServerChatFrameOf<T extends ServerChatFrame['type']> = Extract<ServerChatFrame, { type: T }>;
