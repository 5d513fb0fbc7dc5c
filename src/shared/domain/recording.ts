import { z } from 'zod';

/**
 * A local recording of the program. `interrupted` means the studio stopped sending chunks without
 * finishing (a crash or a reload): the file holds everything up to the last chunk and plays.
 */
export const RecordingStatusSchema = z.enum(['recording', 'complete', 'interrupted', 'failed']);
export type RecordingStatus = z.infer<typeof RecordingStatusSchema>;

export const RecordingSchema = z.object({
  id: z.string(),
  streamId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  bytes: z.number().int(),
  durationMs: z.number().int(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  status: RecordingStatusSchema,
  error: z.string().nullable(),
});
export type Recording = z.infer<typeof RecordingSchema>;

/**
 * Largest piece of a recording one `recording.append` call carries. Base64 makes it 4/3 larger,
 * which keeps a call frame under the control socket's 64 KiB limit.
 */
export const RECORDING_PIECE_BYTES = 36 * 1024;
/** Base64 length of a full piece. */
export const RECORDING_PIECE_BASE64 = Math.ceil(RECORDING_PIECE_BYTES / 3) * 4;
