import { z } from 'zod';
import { ERROR_CODES } from '../result';

/**
 * Frames on the control WebSocket (`/control`), which carries the studio API to browsers:
 * the headless studio, the co-moderator console and tests.
 */

/** Largest frame the server accepts; anything bigger is refused with `too_large`. */
export const CONTROL_MAX_FRAME_BYTES = 64 * 1024;

export const CallFrameSchema = z
  .object({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    method: z.string().max(100),
    params: z.unknown().optional(),
  })
  .strict();
export type CallFrame = z.infer<typeof CallFrameSchema>;

const ErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });

export const ServerFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), role: z.enum(['owner', 'moderator']), serverVersion: z.string() }),
  z.object({
    type: z.literal('result'),
    id: z.number(),
    result: z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: ErrorSchema })]),
  }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
  /** A frame that could not be read at all (malformed JSON, oversize, no id). */
  z.object({ type: z.literal('error'), id: z.number().nullable(), error: ErrorSchema }),
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;
