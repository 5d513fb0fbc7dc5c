import { z } from 'zod';
import { ProgramLayoutSchema } from '../domain/program';
import { GuestStateSchema, InviteRoleSchema } from '../domain/stage';
import { StreamModeSchema } from '../domain/stream';

/**
 * Public HTTP routes of the embedded server used by the viewer and guest pages. Bodies are JSON
 * and answers use the result envelope `{ ok: true, value } | { ok: false, error: { code, message } }`.
 */

/** POST /api/watch/token — a viewer token for the stream that is live right now. */
export const WATCH_TOKEN_PATH = '/api/watch/token';

/** What viewer identities look like; the server mints them, the page never chooses one. */
export const VIEWER_IDENTITY_PATTERN = /^viewer-[A-Za-z0-9_-]{8,40}$/;

export const WatchTokenRequestSchema = z
  .object({
    /** Display name in chat; optional for watching. */
    name: z.string().trim().min(1).max(40).optional(),
    /**
     * The signed reconnect ticket from the last answer, sent back so the same viewer keeps one
     * identity. A missing, forged, expired or malformed ticket is not an error: the viewer simply
     * gets a fresh identity (and a ticket for it).
     */
    reconnectTicket: z.string().max(256).optional(),
    /**
     * Pages from before reconnect tickets sent their identity here. Accepted so those pages keep
     * working, but ignored: a bare identity proves nothing, so it never picks the identity.
     */
    identity: z.string().regex(VIEWER_IDENTITY_PATTERN).optional(),
  })
  .strict();
export type WatchTokenRequest = z.infer<typeof WatchTokenRequestSchema>;

export const WatchTokenResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('live'),
    livekitUrl: z.string(),
    token: z.string(),
    identity: z.string(),
    /** Proof of `identity` for the next request; keep it per tab (sessionStorage). */
    reconnectTicket: z.string(),
    roomName: z.string(),
    title: z.string(),
    mode: StreamModeSchema,
    layout: ProgramLayoutSchema,
    startedAt: z.number(),
    /** The host lets viewers raise a hand to ask to join the stage. */
    raisedHands: z.boolean(),
  }),
  /** Nothing is live; the page waits for the page events socket to say live (or polls while it is down). */
  z.object({ status: z.literal('waiting') }),
]);
export type WatchTokenResponse = z.infer<typeof WatchTokenResponseSchema>;

/**
 * POST /api/watch/hand — a viewer raises a hand. The viewer proves who they are with the LiveKit
 * token this server gave them; the answer is a single-use guest invite link for them alone, which
 * takes them through the device check into the same stage-request queue as invited guests.
 */
export const RAISE_HAND_PATH = '/api/watch/hand';
export const RaiseHandRequestSchema = z
  .object({ token: z.string().min(20).max(4096), name: z.string().trim().min(1, 'Enter your name').max(40) })
  .strict();
export const RaiseHandResponseSchema = z.object({ link: z.string() });
export type RaiseHandResponse = z.infer<typeof RaiseHandResponseSchema>;

/** POST /webhooks/livekit — LiveKit webhooks, verified with the API key and secret. */
export const LIVEKIT_WEBHOOK_PATH = '/webhooks/livekit';

/** GET /join/<code> — the guest page for an invite link. */
export const GUEST_PAGE_PREFIX = '/join/';

export const InviteCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'Not an invite code');

/** POST /api/guest/check — is this invite usable? Does not use it up. */
export const GUEST_CHECK_PATH = '/api/guest/check';
export const GuestCheckRequestSchema = z.object({ code: InviteCodeSchema }).strict();

export const InviteRefusalSchema = z.enum(['unknown', 'expired', 'used', 'revoked']);
export type InviteRefusal = z.infer<typeof InviteRefusalSchema>;

export const GuestCheckResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('valid'),
    role: InviteRoleSchema,
    label: z.string(),
    title: z.string().nullable(),
    /** Made when a viewer raised a hand: the page says "Raise hand" and suggests the label as the name. */
    raisedHand: z.boolean(),
  }),
  z.object({ status: z.literal('refused'), reason: InviteRefusalSchema }),
]);
export type GuestCheckResponse = z.infer<typeof GuestCheckResponseSchema>;

/** POST /api/guest/redeem — uses the invite once and opens a guest session. */
export const GUEST_REDEEM_PATH = '/api/guest/redeem';
export const GuestRedeemRequestSchema = z
  .object({ code: InviteCodeSchema, name: z.string().trim().min(1, 'Enter your name').max(40) })
  .strict();

// Two members share status 'accepted' (told apart by role), so this is a plain union.
export const GuestRedeemResponseSchema = z.union([
  z.object({
    status: z.literal('accepted'),
    role: z.literal('guest'),
    /** Bearer for the guest routes below; keep it in sessionStorage. */
    guestToken: z.string(),
    identity: z.string(),
    name: z.string(),
  }),
  /** A moderator invite opens the co-moderator console at this URL. */
  z.object({ status: z.literal('accepted'), role: z.literal('moderator'), consoleUrl: z.string() }),
  z.object({ status: z.literal('refused'), reason: InviteRefusalSchema }),
]);
export type GuestRedeemResponse = z.infer<typeof GuestRedeemResponseSchema>;

const guestTokenSchema = z.string().min(20).max(200);

/**
 * POST /api/guest/session — the guest's current state, and a LiveKit token with exactly the
 * grants of that state (subscribe-only while waiting, camera + mic on stage). The guest page
 * reads it whenever the page events socket says its state changed (polling with back-off only
 * while that socket is down) and reconnects when the grants it holds no longer match.
 */
export const GUEST_SESSION_PATH = '/api/guest/session';
export const GuestSessionRequestSchema = z.object({ guestToken: guestTokenSchema }).strict();
export const GuestSessionResponseSchema = z.object({
  state: GuestStateSchema,
  identity: z.string(),
  name: z.string(),
  /** Present while a stream is live and the guest may be in the room. */
  livekit: z.object({ url: z.string(), token: z.string(), roomName: z.string(), canPublish: z.boolean() }).nullable(),
  title: z.string().nullable(),
  /** A sentence for the guest when rejected or removed. */
  notice: z.string().nullable(),
});
export type GuestSessionResponse = z.infer<typeof GuestSessionResponseSchema>;

/** POST /api/guest/request — ask to join the stage (a stage request in the moderation queue). */
export const GUEST_REQUEST_PATH = '/api/guest/request';
export const GuestStageRequestSchema = z
  .object({ guestToken: guestTokenSchema, devices: z.object({ camera: z.boolean(), microphone: z.boolean() }).strict() })
  .strict();

/** POST /api/guest/withdraw — take the request back (or leave the stage). */
export const GUEST_WITHDRAW_PATH = '/api/guest/withdraw';
export const GuestWithdrawRequestSchema = z.object({ guestToken: guestTokenSchema }).strict();
