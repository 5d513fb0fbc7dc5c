import { z } from 'zod';
import { ERROR_CODES } from '../result';
import { GuestStateSchema } from '../domain/stage';
import { StreamModeSchema } from '../domain/stream';

/**
 * The public page events socket (`/events`): how the viewer page and the guest page learn that
 * something changed, instead of polling. It is read-only: frames say *that* something changed and
 * the page re-reads what it needs through the token or session routes (tokens never travel here).
 *
 * Anyone may connect and receives the stream state at once and on every change. A guest sends
 * one `guest` frame with their guest token (a frame, not the URL, so the token stays out of
 * access logs) and from then on also receives their own session state whenever it changes.
 */
export const PAGE_EVENTS_PATH = '/events';

/** Largest frame the server reads; the only client frame is a small auth frame. Bigger closes with 1009. */
export const PAGE_EVENTS_MAX_FRAME_BYTES = 1024;

/** Close codes the server uses. 44xx are final (retrying cannot change the answer); 1001 is retried. */
export const PAGE_EVENTS_CLOSE = {
  /** The guest token is not one this server issued. */
  unauthorized: 4401,
  /** Too many frames the server could not use. */
  badInput: 4400,
  shutdown: 1001,
} as const;

/** Close codes after which a page falls back to polling for good. */
export const PAGE_EVENTS_FINAL_CLOSES: ReadonlySet<number> = new Set([PAGE_EVENTS_CLOSE.unauthorized, PAGE_EVENTS_CLOSE.badInput]);

export const ClientPageFrameSchema = z.discriminatedUnion('type', [
  /** Subscribe to this guest's own session state. Once per socket. */
  z.object({ type: z.literal('guest'), guestToken: z.string().min(20).max(200) }).strict(),
]);
export type ClientPageFrame = z.infer<typeof ClientPageFrameSchema>;

/** The stream as a page needs it before asking for a token. */
export const PageStreamSchema = z.discriminatedUnion('status', [
  /** Nothing live since this page connected. */
  z.object({ status: z.literal('waiting') }),
  z.object({ status: z.literal('live'), title: z.string(), mode: StreamModeSchema, startedAt: z.number() }),
  /** The stream this page may have been watching just ended. */
  z.object({ status: z.literal('ended') }),
]);
export type PageStream = z.infer<typeof PageStreamSchema>;

export const ServerPageFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stream'), stream: PageStreamSchema }),
  /** This guest's state changed (and once right after the `guest` frame): re-read the session. */
  z.object({ type: z.literal('guest'), state: GuestStateSchema }),
  z.object({ type: z.literal('error'), code: z.enum(ERROR_CODES), message: z.string() }),
]);
export type ServerPageFrame = z.infer<typeof ServerPageFrameSchema>;
