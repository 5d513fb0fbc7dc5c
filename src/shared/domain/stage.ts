import { z } from 'zod';

/** The stage holds up to four guests in a 2x2 grid; more approved guests wait backstage. */
export const STAGE_SLOTS = 4;

export const InviteRoleSchema = z.enum(['guest', 'moderator']);
export type InviteRole = z.infer<typeof InviteRoleSchema>;

export const InviteSchema = z.object({
  id: z.string(),
  role: InviteRoleSchema,
  label: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  maxUses: z.number().int(),
  uses: z.number().int(),
  revokedAt: z.number().nullable(),
  /** `hand`: made for a viewer who raised a hand on the watch page (not listed with the host's invites). */
  source: z.enum(['host', 'hand']),
  /** Derived: usable right now. */
  status: z.enum(['active', 'expired', 'used_up', 'revoked']),
});
export type Invite = z.infer<typeof InviteSchema>;

export const CreateInviteParamsSchema = z
  .object({
    role: InviteRoleSchema.default('guest'),
    label: z.string().trim().max(60).default(''),
    expiresInMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
    maxUses: z.number().int().min(1).max(100).default(1),
  })
  .strict();

/** Shown once, at creation: the code itself is stored only as a hash. */
export const CreatedInviteSchema = z.object({ invite: InviteSchema, link: z.string() });
export type CreatedInvite = z.infer<typeof CreatedInviteSchema>;

export const GuestStateSchema = z.enum([
  /** Redeemed, nothing live yet. */
  'waiting_for_stream',
  /** In the room, watching; may ask to join. */
  'joined',
  /** Asked to join; in the moderation queue. */
  'requested',
  /** Approved, waiting off stage (may publish for a device check only when moved on stage). */
  'backstage',
  'stage',
  'rejected',
  /** Kicked (banned for this stream) or the invite was revoked. */
  'removed',
]);
export type GuestState = z.infer<typeof GuestStateSchema>;

export const StageGuestSchema = z.object({
  identity: z.string(),
  name: z.string(),
  state: z.enum(['backstage', 'stage']),
  /** 0–3 on stage, null backstage. */
  slot: z
    .number()
    .int()
    .min(0)
    .max(STAGE_SLOTS - 1)
    .nullable(),
});
export type StageGuest = z.infer<typeof StageGuestSchema>;

export const StageStateSchema = z.object({
  guests: z.array(StageGuestSchema),
  spotlight: z.string().nullable(),
});
export type StageState = z.infer<typeof StageStateSchema>;

/** What viewers need of the stage, carried in room metadata. */
export const ProgramStageSchema = z.object({
  slots: z.array(z.object({ identity: z.string(), name: z.string() }).nullable()).length(STAGE_SLOTS),
  spotlight: z.string().nullable(),
});
export type ProgramStage = z.infer<typeof ProgramStageSchema>;

export function emptyProgramStage(): ProgramStage {
  return { slots: Array.from({ length: STAGE_SLOTS }, () => null), spotlight: null };
}
