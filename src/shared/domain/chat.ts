import { z } from 'zod';

/**
 * Chat and moderation domain: messages, the rules that hold or block them, the moderation queue
 * and the audit log. Shared by the server, the studio, the viewer page and the co-moderator console.
 */

/** Who is speaking. Viewers and guests come from a LiveKit token; host and moderators from a session. */
export const ChatRoleSchema = z.enum(['viewer', 'guest', 'moderator', 'host']);
export type ChatRole = z.infer<typeof ChatRoleSchema>;

/** Roles allowed to delete, pin, highlight, time out, ban and decide queue items. */
export function canModerate(role: ChatRole): boolean {
  return role === 'moderator' || role === 'host';
}

/** Hard ceiling on message length; the rules may lower it, never raise it. */
export const CHAT_MAX_LENGTH = 500;

/** Ids are short url-safe strings; clients may choose the id of their own message (for retries). */
export const ChatIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'Expected an id of 8-40 url-safe characters');

export const ChatSenderSchema = z.object({
  identity: z.string(),
  name: z.string(),
  role: ChatRoleSchema,
});
export type ChatSender = z.infer<typeof ChatSenderSchema>;

/** A message everyone can see. `seq` orders messages within a stream; `createdAt` is when it was sent. */
export const ChatMessageSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  sender: ChatSenderSchema,
  text: z.string(),
  createdAt: z.number(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** The fixed set of reactions viewers can send; counts are aggregated before they are broadcast. */
export const REACTIONS = ['heart', 'laugh', 'clap', 'fire', 'wow', 'sad'] as const;
export const ReactionSchema = z.enum(REACTIONS);
export type Reaction = z.infer<typeof ReactionSchema>;

export const TimeoutMinutesSchema = z.union([z.literal(1), z.literal(5), z.literal(10)]);

export const BanScopeSchema = z.enum(['stream', 'always']);
export type BanScope = z.infer<typeof BanScopeSchema>;

const ruleAction = z.enum(['off', 'hold', 'block']);
export type RuleAction = z.infer<typeof ruleAction>;

function isValidPattern(source: string): boolean {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    // An invalid pattern fails validation; the schema's message says so.
    return false;
  }
}

/** Chat rules, edited in Settings. Hosts and moderators are exempt from everything but length. */
export const ChatRulesSchema = z.object({
  maxLength: z.number().int().min(1).max(CHAT_MAX_LENGTH),
  blockedTerms: z.object({
    /** Whole words, matched case-insensitively. */
    words: z.array(z.string().trim().min(1).max(64)).max(500),
    /** Regular expressions (case-insensitive, unicode). */
    patterns: z.array(z.string().min(1).max(200).refine(isValidPattern, { message: 'Not a valid regular expression' })).max(50),
    action: z.enum(['hold', 'block']),
  }),
  links: z.enum(['allow', 'hold', 'block']),
  /** The same text as one of the sender's last few messages within a minute. */
  repeatedText: ruleAction,
  caps: z.object({
    action: ruleAction,
    /** Share of upper-case letters above which a message counts as shouting. */
    maxRatio: z.number().min(0.3).max(1),
    /** Short messages ("OK", "GG") are never shouting. */
    minLetters: z.number().int().min(1).max(200),
  }),
  /** Hold a chatter's messages until a moderator has approved one of them. */
  holdFirstMessages: z.boolean(),
  /** 0 = off; otherwise one message per N seconds per chatter. */
  slowModeSeconds: z.number().int().min(0).max(3600),
  rateLimit: z.object({
    messages: z.number().int().min(1).max(1000),
    perSeconds: z.number().int().min(1).max(600),
  }),
});
export type ChatRules = z.infer<typeof ChatRulesSchema>;

export const ChatRulesUpdateSchema = z
  .object({
    maxLength: ChatRulesSchema.shape.maxLength,
    blockedTerms: ChatRulesSchema.shape.blockedTerms.partial().strict(),
    links: ChatRulesSchema.shape.links,
    repeatedText: ChatRulesSchema.shape.repeatedText,
    caps: ChatRulesSchema.shape.caps.partial().strict(),
    holdFirstMessages: ChatRulesSchema.shape.holdFirstMessages,
    slowModeSeconds: ChatRulesSchema.shape.slowModeSeconds,
    rateLimit: ChatRulesSchema.shape.rateLimit.partial().strict(),
  })
  .partial()
  .strict();
export type ChatRulesUpdate = z.infer<typeof ChatRulesUpdateSchema>;

export const DEFAULT_CHAT_RULES: ChatRules = {
  maxLength: CHAT_MAX_LENGTH,
  blockedTerms: { words: [], patterns: [], action: 'hold' },
  links: 'hold',
  repeatedText: 'block',
  caps: { action: 'off', maxRatio: 0.7, minLetters: 12 },
  holdFirstMessages: false,
  slowModeSeconds: 0,
  rateLimit: { messages: 5, perSeconds: 10 },
};

/**
 * One queue for everything a moderator decides: held messages, viewer reports and stage requests.
 * `subject` is whom the decision is about (the author, or the guest asking to go on stage).
 */
export const ModerationKindSchema = z.enum(['held_message', 'report', 'stage_request']);
export type ModerationKind = z.infer<typeof ModerationKindSchema>;

export const ModerationStatusSchema = z.enum(['pending', 'approved', 'rejected', 'withdrawn']);
export type ModerationStatus = z.infer<typeof ModerationStatusSchema>;

export const ModerationItemSchema = z.object({
  id: z.string(),
  streamId: z.string(),
  kind: ModerationKindSchema,
  status: ModerationStatusSchema,
  subject: z.object({ identity: z.string(), name: z.string() }),
  /** Held or reported message (null for stage requests). */
  message: z.object({ id: z.string(), text: z.string(), createdAt: z.number(), senderRole: ChatRoleSchema }).nullable(),
  /** Why it is here: the rule that held it, the report reason, or the guest's note. */
  reason: z.string(),
  /** Reports: how many distinct viewers reported the message. */
  reportCount: z.number().int(),
  createdAt: z.number(),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().nullable(),
});
export type ModerationItem = z.infer<typeof ModerationItemSchema>;

export const ModerationDecisionSchema = z.enum(['approve', 'reject']);
export type ModerationDecision = z.infer<typeof ModerationDecisionSchema>;

export const AUDIT_ACTIONS = [
  'approve',
  'reject',
  'delete',
  'timeout',
  'ban',
  'unban',
  'pin',
  'unpin',
  'highlight',
  'clear_highlight',
  'rules_update',
  'moderator_link',
  'promote',
  /** A co-moderator invite was redeemed into a moderator session. */
  'moderator_invite',
  /** A moderator session was revoked (by the owner, or with the invite it came from). */
  'moderator_revoke',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** One row of the audit log: who did what to whom, why and when. */
export const AuditEntrySchema = z.object({
  id: z.number().int(),
  streamId: z.string().nullable(),
  actor: z.string(),
  action: AuditActionSchema,
  targetIdentity: z.string().nullable(),
  targetMessageId: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.number(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const ChatBanSchema = z.object({
  identity: z.string(),
  /** null = banned from every stream. */
  streamId: z.string().nullable(),
  actor: z.string(),
  reason: z.string().nullable(),
  createdAt: z.number(),
});
export type ChatBan = z.infer<typeof ChatBanSchema>;
