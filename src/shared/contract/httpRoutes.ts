import { z } from 'zod';
import { ProgramLayoutSchema } from '../domain/program';
import { StreamModeSchema } from '../domain/stream';

/**
 * Public HTTP routes of the embedded server used by the viewer and guest pages. Bodies are JSON
 * and answers use the result envelope `{ ok: true, value } | { ok: false, error: { code, message } }`.
 */

/** POST /api/watch/token — a viewer token for the stream that is live right now. */
export const WATCH_TOKEN_PATH = '/api/watch/token';

export const WatchTokenRequestSchema = z
  .object({
    /** Display name in chat; optional for watching. */
    name: z.string().trim().min(1).max(40).optional(),
    /** Sent back on a reconnect so the same viewer keeps one identity. */
    identity: z
      .string()
      .regex(/^viewer-[A-Za-z0-9_-]{8,40}$/)
      .optional(),
  })
  .strict();
export type WatchTokenRequest = z.infer<typeof WatchTokenRequestSchema>;

export const WatchTokenResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('live'),
    livekitUrl: z.string(),
    token: z.string(),
    identity: z.string(),
    roomName: z.string(),
    title: z.string(),
    mode: StreamModeSchema,
    layout: ProgramLayoutSchema,
    startedAt: z.number(),
  }),
  /** Nothing is live; the page waits and asks again. */
  z.object({ status: z.literal('waiting') }),
]);
export type WatchTokenResponse = z.infer<typeof WatchTokenResponseSchema>;

/** POST /webhooks/livekit — LiveKit webhooks, verified with the API key and secret. */
export const LIVEKIT_WEBHOOK_PATH = '/webhooks/livekit';
