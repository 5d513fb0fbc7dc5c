import { z } from 'zod';
import { RECORDING_PIECE_BASE64, RecordingSchema } from '../domain/recording';
import { method, OWNER } from './methodSpec';

/**
 * Studio API methods for local recordings. The studio records the program it composes and
 * appends it piece by piece; main writes each piece to the data directory at once. Owner only.
 */

const recordingId = z.string().regex(/^rec_[A-Za-z0-9_-]{8,40}$/, 'Not a recording id');
const durationMs = z
  .number()
  .int()
  .min(0)
  .max(7 * 24 * 3_600_000);

export const recordingMethods = {
  'recording.start': method({
    params: z
      .object({
        streamId: z.string().min(1).max(64),
        mimeType: z
          .string()
          .regex(/^video\/webm(;[ a-z0-9=.,]*)?$/i, 'Only WebM recordings are supported')
          .max(100),
      })
      .strict(),
    result: RecordingSchema,
    roles: OWNER,
    summary: 'Open a new recording file for the live stream (closing any the studio left open).',
  }),
  'recording.append': method({
    params: z
      .object({
        recordingId,
        /** Where this piece starts; a piece already written is acknowledged again, a gap is refused. */
        offset: z.number().int().min(0),
        data: z.base64().min(1).max(RECORDING_PIECE_BASE64),
        /** Recorded time so far, so a crash still leaves the duration. */
        durationMs,
      })
      .strict(),
    result: z.object({ bytes: z.number().int() }),
    roles: OWNER,
    summary: 'Append the next piece of a recording to its file.',
  }),
  'recording.finish': method({
    params: z.object({ recordingId, durationMs, error: z.string().trim().min(1).max(300).optional() }).strict(),
    result: RecordingSchema,
    roles: OWNER,
    summary: 'Close a recording: complete, or failed with the reason the studio gives.',
  }),
  'recording.playback': method({
    params: z.object({ recordingId }).strict(),
    result: z.object({
      /** Server-relative, for a studio page served by the embedded server (possibly from another machine). */
      path: z.string(),
      /** The same on this machine's loopback address, for the desktop window (an app:// page). */
      url: z.string(),
      expiresAt: z.number(),
    }),
    roles: OWNER,
    summary: 'A short-lived address from which the studio can play the recording.',
  }),
  'recording.reveal': method({
    params: z.object({ recordingId }).strict(),
    result: z.object({ path: z.string(), revealed: z.boolean() }),
    roles: OWNER,
    summary: 'Where the file is; the desktop app also shows it in the file manager.',
  }),
} as const;
