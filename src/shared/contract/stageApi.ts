import { z } from 'zod';
import { CreatedInviteSchema, CreateInviteParamsSchema, InviteSchema, StageStateSchema, STAGE_SLOTS } from '../domain/stage';
import { method, OWNER, OWNER_AND_MODERATOR } from './methodSpec';

const identity = z.string().min(1).max(128);

/** Invites, the stage roster and per-guest controls. Approving a stage request is `moderation.decide`. */
export const stageMethods = {
  'invites.create': method({
    params: CreateInviteParamsSchema,
    result: CreatedInviteSchema,
    roles: OWNER,
    summary: 'Create an invite link.',
  }),
  'invites.list': method({ params: z.object({}).strict(), result: z.array(InviteSchema), roles: OWNER, summary: 'Invites, newest first.' }),
  'invites.revoke': method({
    params: z.object({ id: z.string().min(1).max(64) }).strict(),
    result: InviteSchema,
    roles: OWNER,
    summary: 'Revoke an invite; guests who used it are removed.',
  }),
  'stage.get': method({
    params: z.object({}).strict(),
    result: StageStateSchema,
    roles: OWNER_AND_MODERATOR,
    summary: 'The stage roster.',
  }),
  'stage.move': method({
    params: z
      .object({
        identity,
        to: z.enum(['stage', 'backstage']),
        slot: z
          .number()
          .int()
          .min(0)
          .max(STAGE_SLOTS - 1)
          .optional(),
      })
      .strict(),
    result: StageStateSchema,
    roles: OWNER_AND_MODERATOR,
    summary: 'Move a guest on stage (optionally into a slot, swapping) or backstage.',
  }),
  'stage.spotlight': method({
    params: z.object({ identity: identity.nullable() }).strict(),
    result: StageStateSchema,
    roles: OWNER_AND_MODERATOR,
    summary: 'Spotlight one guest on stage, or clear it.',
  }),
  'stage.mute': method({
    params: z.object({ identity, kind: z.enum(['audio', 'video']) }).strict(),
    result: z.object({ muted: z.boolean() }),
    roles: OWNER_AND_MODERATOR,
    summary: "Mute a guest's microphone or camera.",
  }),
  'stage.kick': method({
    params: z.object({ identity, reason: z.string().max(200).optional() }).strict(),
    result: StageStateSchema,
    roles: OWNER_AND_MODERATOR,
    summary: 'Remove a guest from the room and ban them for this stream.',
  }),
  'stage.reportQuality': method({
    params: z.object({ identity, quality: z.enum(['excellent', 'good', 'poor', 'lost']) }).strict(),
    result: z.object({ recorded: z.boolean() }),
    roles: OWNER,
    summary: "A guest's connection quality changed (seen by the studio); recorded for history.",
  }),
  'stage.promote': method({
    params: z.object({ identity }).strict(),
    result: z.object({ consoleUrl: z.string() }),
    roles: OWNER,
    summary: 'Make a guest a co-moderator; returns their console link.',
  }),
} as const;

export const stageEvents = {
  'stage.changed': { payload: StageStateSchema, roles: OWNER_AND_MODERATOR },
  'invites.changed': { payload: z.array(InviteSchema), roles: OWNER },
} as const;
