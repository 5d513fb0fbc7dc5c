import { z } from 'zod';

/**
 * Multistream destinations: where the studio sends the program besides LiveKit. Only RTMP(S)
 * ingests exist today; `kind` leaves room for LiveKit Egress later. The stream key is write-only:
 * it goes in with an add or update and never comes back out (`hasKey` says whether one is set).
 */

export const RTMP_PRESETS = {
  youtube: 'rtmp://a.rtmp.youtube.com/live2',
  twitch: 'rtmp://live.twitch.tv/app',
} as const;

export const DestinationPresetSchema = z.enum(['youtube', 'twitch', 'custom']);
export type DestinationPreset = z.infer<typeof DestinationPresetSchema>;

export const DestinationIdSchema = z.string().regex(/^dst_[A-Za-z0-9_-]{8,40}$/, 'Not a destination id');

/** An rtmp:// or rtmps:// address with a host; credentials in the URL are refused (the key has its own field). */
export const RtmpUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the server address')
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'rtmp:' || url.protocol === 'rtmps:') && url.hostname !== '' && url.username === '' && url.password === '';
    } catch {
      // Not a URL at all: the refinement's message tells the user what to type.
      return false;
    }
  }, 'The server address must be an rtmp:// or rtmps:// URL, like rtmp://live.example.com/app');

/** Printable, no spaces: what every ingest issues. The key is appended to the URL path. */
export const StreamKeySchema = z
  .string()
  .trim()
  .min(1, 'Enter the stream key')
  .max(300)
  .regex(/^[\x21-\x7e]+$/, 'The stream key cannot contain spaces or non-ASCII characters');

const NameSchema = z.string().trim().min(1, 'Give the destination a name').max(60);

export const DestinationSchema = z.object({
  id: DestinationIdSchema,
  kind: z.literal('rtmp'),
  name: z.string(),
  preset: DestinationPresetSchema,
  url: z.string(),
  enabled: z.boolean(),
  hasKey: z.boolean(),
});
export type Destination = z.infer<typeof DestinationSchema>;

/** What is stored in SQLite: everything but the key. */
export const StoredDestinationSchema = DestinationSchema.omit({ hasKey: true });
export type StoredDestination = z.infer<typeof StoredDestinationSchema>;

export const DestinationAddSchema = z
  .object({
    kind: z.literal('rtmp').default('rtmp'),
    name: NameSchema,
    preset: DestinationPresetSchema,
    /** Required for `custom`; ignored for a preset (its ingest address is fixed). */
    url: RtmpUrlSchema.optional(),
    streamKey: StreamKeySchema,
    enabled: z.boolean().default(true),
  })
  .strict()
  .refine((value) => value.preset !== 'custom' || value.url !== undefined, {
    message: 'A custom destination needs its rtmp:// address',
    path: ['url'],
  });

export const DestinationUpdateSchema = z
  .object({
    id: DestinationIdSchema,
    name: NameSchema.optional(),
    preset: DestinationPresetSchema.optional(),
    url: RtmpUrlSchema.optional(),
    streamKey: StreamKeySchema.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const MultistreamOutputSchema = z.object({
  width: z.number().int().min(320).max(1920).multipleOf(2),
  height: z.number().int().min(180).max(1080).multipleOf(2),
  fps: z.number().int().min(15).max(60),
  videoKbps: z.number().int().min(500).max(8000),
});
export type MultistreamOutput = z.infer<typeof MultistreamOutputSchema>;
export const DEFAULT_MULTISTREAM_OUTPUT: MultistreamOutput = { width: 1280, height: 720, fps: 30, videoKbps: 3000 };

export const DestinationStateSchema = z.enum(['off', 'waiting', 'connecting', 'live', 'reconnecting', 'failed']);
export type DestinationState = z.infer<typeof DestinationStateSchema>;

export const DestinationStatusSchema = z.object({
  id: DestinationIdSchema,
  name: z.string(),
  state: DestinationStateSchema,
  /** Why it is reconnecting or failed, in the server's words where it gave any (never the key). */
  message: z.string().nullable(),
  bitrateKbps: z.number(),
  droppedFrames: z.number().int(),
  /** Time live in this stream, summed over reconnects. */
  liveMs: z.number().int(),
});
export type DestinationStatus = z.infer<typeof DestinationStatusSchema>;

export const MultistreamStatusSchema = z.object({
  /** The encoder runs (the studio is sending the program and a destination exists). */
  encoding: z.boolean(),
  destinations: z.array(DestinationStatusSchema),
});
export type MultistreamStatus = z.infer<typeof MultistreamStatusSchema>;

/** The ingest URL ffmpeg publishes to. Main only: it contains the key. */
export function ingestUrl(destination: Pick<StoredDestination, 'preset' | 'url'>, streamKey: string): string {
  const base = destination.preset === 'custom' ? destination.url : RTMP_PRESETS[destination.preset];
  return `${base.replace(/\/+$/, '')}/${streamKey}`;
}

/** One destination's part in a past stream (history). */
export const DestinationSessionSchema = z.object({
  destinationId: z.string(),
  name: z.string(),
  kind: z.literal('rtmp'),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  liveMs: z.number().int(),
  failures: z.number().int(),
  lastError: z.string().nullable(),
});
export type DestinationSession = z.infer<typeof DestinationSessionSchema>;
