import { z } from 'zod';

export const STREAM_MODES = ['screen_guests', 'camera_grid', 'voice_only'] as const;
export const StreamModeSchema = z.enum(STREAM_MODES);
export type StreamMode = z.infer<typeof StreamModeSchema>;

export const StreamTitleSchema = z.string().trim().min(1, 'Title is required').max(120, 'Title is at most 120 characters');
export const StreamTagsSchema = z
  .array(z.string().trim().min(1).max(32))
  .max(10, 'At most 10 tags')
  .refine((tags) => new Set(tags.map((t) => t.toLowerCase())).size === tags.length, { message: 'Tags must be unique' });

export const StreamStatusSchema = z.enum(['live', 'ended']);
export type StreamStatus = z.infer<typeof StreamStatusSchema>;

/** One stream as the history shows it. Times are epoch milliseconds. */
export const StreamRecordSchema = z.object({
  id: z.string(),
  roomName: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  mode: StreamModeSchema,
  status: StreamStatusSchema,
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  lastHeartbeatAt: z.number(),
  durationMs: z.number().nullable(),
  peakViewers: z.number().int(),
  averageViewers: z.number().nullable(),
  endReason: z.string().nullable(),
});
export type StreamRecord = z.infer<typeof StreamRecordSchema>;

export const StreamPageSchema = z.object({
  items: z.array(StreamRecordSchema),
  /** Opaque cursor for the next (older) page; null when this is the last page. */
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type StreamPage = z.infer<typeof StreamPageSchema>;

/** The end reason of a stream the app closed after a crash or kill (nobody pressed End stream). */
export const CRASH_END_REASON = 'recovered_after_crash';

/** True when the stream stopped because the app did, not because the host ended it. */
export function endedUnexpectedly(stream: Pick<StreamRecord, 'endReason'>): boolean {
  return stream.endReason === CRASH_END_REASON;
}
