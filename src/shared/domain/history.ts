import { z } from 'zod';
import { DestinationSessionSchema } from './multistream';
import { RecordingSchema } from './recording';
import { ChatRoleSchema } from './chat';
import { StreamRecordSchema } from './stream';

/**
 * History and analytics of past streams: the numbers and series the stream detail page shows,
 * the chat transcript with its moderation marks, full-text search and exports. Times are epoch ms.
 */

export const QUALITY_LEVELS = ['lost', 'poor', 'good', 'excellent'] as const;
export const ConnectionQualitySchema = z.enum(QUALITY_LEVELS);
export type ConnectionQuality = z.infer<typeof ConnectionQualitySchema>;

/** Where the viewer numbers come from: exact join/leave webhooks, 5-second samples, or nothing. */
export const ViewerSourceSchema = z.enum(['sessions', 'samples', 'none']);
export type ViewerSource = z.infer<typeof ViewerSourceSchema>;

export const ViewerPointSchema = z.object({ at: z.number(), viewers: z.number().int() });
export type ViewerPoint = z.infer<typeof ViewerPointSchema>;

/** Share of viewers (0..1) whose watch time reached `minute` minutes. */
export const RetentionPointSchema = z.object({ minute: z.number(), viewers: z.number().int(), share: z.number() });
export type RetentionPoint = z.infer<typeof RetentionPointSchema>;

export const ViewerStatsSchema = z.object({
  source: ViewerSourceSchema,
  peak: z.number().int(),
  /** Time-weighted mean of concurrent viewers over the stream. */
  average: z.number(),
  /** Distinct viewer identities; null when only samples were recorded. */
  unique: z.number().int().nullable(),
  totalWatchMs: z.number().nullable(),
  /** Concurrent viewers as a step series: the count holds from each point to the next. */
  timeline: z.array(ViewerPointSchema),
  retention: z.array(RetentionPointSchema),
});
export type ViewerStats = z.infer<typeof ViewerStatsSchema>;

export const ChatCountsSchema = z.object({
  total: z.number().int(),
  visible: z.number().int(),
  /** Held for review at some point (later approved, rejected, or still pending). */
  held: z.number().int(),
  rejected: z.number().int(),
  deleted: z.number().int(),
  /** Held and never decided. */
  pending: z.number().int(),
});
export type ChatCounts = z.infer<typeof ChatCountsSchema>;

export const ChatMinuteSchema = z.object({
  /** Minutes since the stream started. */
  minute: z.number().int(),
  shown: z.number().int(),
  /** Held, rejected or deleted in that minute. */
  moderated: z.number().int(),
});
export type ChatMinute = z.infer<typeof ChatMinuteSchema>;

/** One audit-log row as the history shows it. */
export const ModerationLogEntrySchema = z.object({
  id: z.number().int(),
  createdAt: z.number(),
  actor: z.string(),
  action: z.string(),
  targetIdentity: z.string().nullable(),
  targetMessageId: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ModerationLogEntry = z.infer<typeof ModerationLogEntrySchema>;

/** The detail page lists at most this many audit entries; the export has them all. */
export const MODERATION_LOG_PREVIEW = 100;

export const ModerationSummarySchema = z.object({
  total: z.number().int(),
  byAction: z.array(z.object({ action: z.string(), count: z.number().int() })),
  /** The first `MODERATION_LOG_PREVIEW` actions, oldest first. */
  log: z.array(ModerationLogEntrySchema),
});
export type ModerationSummary = z.infer<typeof ModerationSummarySchema>;

export const StageStintSchema = z.object({ onAt: z.number(), offAt: z.number() });
export const QualityChangeSchema = z.object({ at: z.number(), quality: ConnectionQualitySchema });
export type QualityChange = z.infer<typeof QualityChangeSchema>;

export const GuestSummarySchema = z.object({
  identity: z.string(),
  name: z.string(),
  stageMs: z.number(),
  stints: z.array(StageStintSchema),
  quality: z.array(QualityChangeSchema),
});
export type GuestSummary = z.infer<typeof GuestSummarySchema>;

/** Everything the stream detail page shows. */
export const StreamDetailSchema = z.object({
  stream: StreamRecordSchema,
  viewers: ViewerStatsSchema,
  chat: ChatCountsSchema,
  chatPerMinute: z.array(ChatMinuteSchema),
  moderation: ModerationSummarySchema,
  guests: z.array(GuestSummarySchema),
  /** Local recordings of the program, oldest first (a reload mid-stream starts a new one). */
  recordings: z.array(RecordingSchema),
  /** Multistream destinations the program went to, with time live and failures. */
  destinations: z.array(DestinationSessionSchema),
});
export type StreamDetail = z.infer<typeof StreamDetailSchema>;

export const MessageStatusSchema = z.enum(['visible', 'held', 'rejected', 'deleted']);
export type MessageStatus = z.infer<typeof MessageStatusSchema>;

/** One chat message in a transcript, with what moderation did to it. */
export const TranscriptEntrySchema = z.object({
  id: z.string(),
  streamId: z.string(),
  seq: z.number().int().nullable(),
  createdAt: z.number(),
  sender: z.object({ identity: z.string(), name: z.string(), role: ChatRoleSchema }),
  text: z.string(),
  status: MessageStatusSchema,
  /** Why a rule held it (set even when it was later approved). */
  holdReason: z.string().nullable(),
  /** Who approved, rejected or deleted it, and when. */
  decidedBy: z.string().nullable(),
  decidedAt: z.number().nullable(),
});
export type TranscriptEntry = z.infer<typeof TranscriptEntrySchema>;

export const TranscriptPageSchema = z.object({
  items: z.array(TranscriptEntrySchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type TranscriptPage = z.infer<typeof TranscriptPageSchema>;

export const SearchHitSchema = z.object({
  message: TranscriptEntrySchema,
  stream: z.object({ id: z.string(), title: z.string(), startedAt: z.number() }),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchPageSchema = z.object({
  hits: z.array(SearchHitSchema),
  nextCursor: z.string().nullable(),
  /** Matches counted up to `SEARCH_COUNT_LIMIT`; `totalCapped` says the real number is higher. */
  total: z.number().int(),
  totalCapped: z.boolean(),
});
export type SearchPage = z.infer<typeof SearchPageSchema>;

export const SEARCH_COUNT_LIMIT = 10_000;

export const ExportPartSchema = z.enum(['chat', 'moderation']);
export type ExportPart = z.infer<typeof ExportPartSchema>;
export const ExportFormatSchema = z.enum(['json', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** A file the studio saves for the user (a Blob download works in Electron and in a browser). */
export const ExportFileSchema = z.object({ filename: z.string(), mimeType: z.string(), content: z.string() });
export type ExportFile = z.infer<typeof ExportFileSchema>;

/** Free text typed into a search box: trimmed, bounded. */
export const SearchTextSchema = z.string().trim().max(200);
