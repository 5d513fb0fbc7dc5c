import { z } from 'zod';
import { StreamModeSchema, StreamTagsSchema, StreamTitleSchema } from './stream';
import { ProgramLayoutSchema } from './program';

export const GoLiveParamsSchema = z
  .object({
    title: StreamTitleSchema,
    tags: StreamTagsSchema.default([]),
    mode: StreamModeSchema,
  })
  .strict();
export type GoLiveParams = z.input<typeof GoLiveParamsSchema>;

/** What the studio needs to publish: where to connect and a host token minted by main. */
export const LiveSessionSchema = z.object({
  streamId: z.string(),
  roomName: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  mode: StreamModeSchema,
  layout: ProgramLayoutSchema,
  startedAt: z.number(),
  livekitUrl: z.string(),
  hostToken: z.string(),
  hostIdentity: z.string(),
  /** Link for viewers (public base URL + /watch). */
  watchUrl: z.string(),
});
export type LiveSession = z.infer<typeof LiveSessionSchema>;

export const ViewerCountSchema = z.object({
  streamId: z.string(),
  viewers: z.number().int().nonnegative(),
  peak: z.number().int().nonnegative(),
  /** Where the number comes from: verified LiveKit webhooks, or the host's own view of the room. */
  source: z.enum(['webhook', 'room']),
});
export type ViewerCount = z.infer<typeof ViewerCountSchema>;

export const CaptureSourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['screen', 'window']),
  /** PNG data URL, small. */
  thumbnail: z.string(),
  appIcon: z.string().nullable(),
});
export type CaptureSource = z.infer<typeof CaptureSourceSchema>;

export const CaptureSourcesSchema = z.discriminatedUnion('picker', [
  /** Desktop: main lists screens and windows; the studio shows its own picker. */
  z.object({ picker: z.literal('app'), sources: z.array(CaptureSourceSchema) }),
  /** Browser (headless studio): the browser's own getDisplayMedia picker is used. */
  z.object({ picker: z.literal('browser') }),
]);
export type CaptureSources = z.infer<typeof CaptureSourcesSchema>;

/** Why a stream ended without being ended by the host; shown in history. */
export const AbortReasonSchema = z.enum(['connect_failed', 'publish_failed', 'device_denied', 'cancelled']);
