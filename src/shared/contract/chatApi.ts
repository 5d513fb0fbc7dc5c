import { z } from 'zod';
import {
  AuditEntrySchema,
  BanScopeSchema,
  ChatBanSchema,
  ChatMessageSchema,
  ChatRulesSchema,
  ChatRulesUpdateSchema,
  ModerationDecisionSchema,
  ModerationItemSchema,
  ModerationKindSchema,
  ModerationStatusSchema,
  TimeoutMinutesSchema,
} from '../domain/chat';
import { method, OWNER, OWNER_AND_MODERATOR } from './methodSpec';

/**
 * Studio API methods and events for chat and moderation. Spread into `studioMethods` and
 * `studioEvents`; kept in its own file so each feature owns its part of the contract.
 */

/** Omitted = the stream that is live now. */
const streamId = z.string().min(1).max(64).optional();
const messageId = z.string().min(1).max(64);
const identity = z.string().min(1).max(128);
const reason = z.string().trim().max(200).optional();
const done = z.object({ ok: z.literal(true) });

export const ChatHistorySchema = z.object({
  streamId: z.string(),
  messages: z.array(ChatMessageSchema),
  pinned: ChatMessageSchema.nullable(),
  highlight: ChatMessageSchema.nullable(),
});

export const chatMethods = {
  'chat.history': method({
    params: z
      .object({ streamId, beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(50) })
      .strict(),
    result: ChatHistorySchema,
    roles: OWNER_AND_MODERATOR,
    summary: 'Visible chat messages, newest page first, with the pinned and highlighted message.',
  }),
  'chat.send': method({
    params: z.object({ streamId, text: z.string().min(1).max(500) }).strict(),
    result: z.object({ id: z.string(), seq: z.number().int() }),
    roles: OWNER_AND_MODERATOR,
    summary: 'Post a message as the host or a moderator.',
  }),
  'chat.delete': method({
    params: z.object({ messageId, reason }).strict(),
    result: done,
    roles: OWNER_AND_MODERATOR,
    summary: 'Remove a message from every client.',
  }),
  'chat.timeout': method({
    params: z.object({ streamId, identity, minutes: TimeoutMinutesSchema, reason }).strict(),
    result: z.object({ until: z.number() }),
    roles: OWNER_AND_MODERATOR,
    summary: 'Stop a chatter from sending for 1, 5 or 10 minutes.',
  }),
  'chat.ban': method({
    params: z.object({ streamId, identity, scope: BanScopeSchema, reason }).strict(),
    result: done,
    roles: OWNER_AND_MODERATOR,
    summary: 'Ban a chatter from this stream or from every stream; disconnects them.',
  }),
  'chat.unban': method({
    params: z.object({ streamId, identity, reason }).strict(),
    result: z.object({ lifted: z.number().int() }),
    roles: OWNER_AND_MODERATOR,
    summary: 'Lift the bans on a chatter (this stream and global).',
  }),
  'chat.bans': method({
    params: z.object({ streamId }).strict(),
    result: z.object({ bans: z.array(ChatBanSchema) }),
    roles: OWNER_AND_MODERATOR,
    summary: 'Active bans that apply to a stream.',
  }),
  'chat.pin': method({
    params: z.object({ streamId, messageId: messageId.nullable() }).strict(),
    result: z.object({ pinned: ChatMessageSchema.nullable() }),
    roles: OWNER_AND_MODERATOR,
    summary: 'Pin a message above the chat (null unpins).',
  }),
  'chat.highlight': method({
    params: z.object({ streamId, messageId: messageId.nullable() }).strict(),
    result: z.object({ highlight: ChatMessageSchema.nullable() }),
    roles: OWNER_AND_MODERATOR,
    summary: 'Show a message on the program (null clears it).',
  }),
  'moderation.list': method({
    params: z
      .object({
        streamId,
        status: ModerationStatusSchema.default('pending'),
        kind: ModerationKindSchema.optional(),
        limit: z.number().int().min(1).max(200).default(100),
      })
      .strict(),
    result: z.object({ items: z.array(ModerationItemSchema) }),
    roles: OWNER_AND_MODERATOR,
    summary: 'The moderation queue: held messages, reports and stage requests, oldest first.',
  }),
  'moderation.decide': method({
    params: z.object({ itemId: z.string().min(1).max(64), decision: ModerationDecisionSchema, reason }).strict(),
    result: ModerationItemSchema,
    roles: OWNER_AND_MODERATOR,
    summary: 'Approve or reject a queue item.',
  }),
  'moderation.audit': method({
    params: z
      .object({ streamId, beforeId: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(100) })
      .strict(),
    result: z.object({ entries: z.array(AuditEntrySchema) }),
    roles: OWNER_AND_MODERATOR,
    summary: 'The audit log, newest first.',
  }),
  'moderation.createModeratorLink': method({
    params: z.object({ label: z.string().trim().min(1).max(40) }).strict(),
    result: z.object({ url: z.string(), actor: z.string() }),
    roles: OWNER,
    summary: 'A co-moderator console link: moderation actions only, no settings, cannot end the stream.',
  }),
  'rules.get': method({
    params: z.object({}).strict(),
    result: ChatRulesSchema,
    roles: OWNER_AND_MODERATOR,
    summary: 'Chat rules.',
  }),
  'rules.update': method({
    params: ChatRulesUpdateSchema,
    result: ChatRulesSchema,
    roles: OWNER,
    summary: 'Change chat rules (blocked terms, links, slow mode, limits).',
  }),
} as const;

export const chatEvents = {
  /** Messages that became visible, in seq order (one event per storage batch). */
  'chat.messages': { payload: z.object({ streamId: z.string(), messages: z.array(ChatMessageSchema) }), roles: OWNER_AND_MODERATOR },
  'chat.deleted': { payload: z.object({ streamId: z.string(), messageId: z.string() }), roles: OWNER_AND_MODERATOR },
  'chat.pinned': { payload: z.object({ streamId: z.string(), message: ChatMessageSchema.nullable() }), roles: OWNER_AND_MODERATOR },
  'chat.highlighted': { payload: z.object({ streamId: z.string(), message: ChatMessageSchema.nullable() }), roles: OWNER_AND_MODERATOR },
  'moderation.queued': { payload: ModerationItemSchema, roles: OWNER_AND_MODERATOR },
  'moderation.resolved': { payload: ModerationItemSchema, roles: OWNER_AND_MODERATOR },
  'audit.appended': { payload: AuditEntrySchema, roles: OWNER_AND_MODERATOR },
  'rules.changed': { payload: ChatRulesSchema, roles: OWNER_AND_MODERATOR },
} as const;
