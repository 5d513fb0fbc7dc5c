import { z } from 'zod';
import { method, OWNER } from './methodSpec';

/** What granted a moderator session: a link the owner made, a co-moderator invite, or a promoted guest. */
export const ModeratorGrantSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('link'), label: z.string() }),
  z.object({ kind: z.literal('invite'), inviteId: z.string(), label: z.string() }),
  z.object({ kind: z.literal('promotion'), guestIdentity: z.string() }),
]);
export type ModeratorGrant = z.infer<typeof ModeratorGrantSchema>;

/** An active moderator session as the owner sees it; never its token. */
export const ModeratorSessionSchema = z.object({
  id: z.string(),
  /** The name shown in chat and in the list ("Sam"). */
  name: z.string(),
  /** How it appears in the audit log ("moderator:Sam"). */
  actor: z.string(),
  grantedAt: z.number(),
  expiresAt: z.number(),
  grant: ModeratorGrantSchema,
});
export type ModeratorSession = z.infer<typeof ModeratorSessionSchema>;

const SessionListSchema = z.object({ sessions: z.array(ModeratorSessionSchema) });

/** Moderator access that can be listed and revoked (owner only). */
export const moderatorMethods = {
  'moderators.list': method({
    params: z.object({}).strict(),
    result: SessionListSchema,
    roles: OWNER,
    summary: 'Active moderator sessions, oldest first, with what granted each and when it expires.',
  }),
  'moderators.revoke': method({
    params: z.object({ sessionId: z.string().min(1).max(64) }).strict(),
    result: z.object({ revoked: ModeratorSessionSchema }),
    roles: OWNER,
    summary: 'Ends a moderator session now: its control and chat sockets close and it is refused from then on.',
  }),
} as const;

export const moderatorEvents = {
  /** The active moderator sessions after a grant, a revocation or an expiry. */
  'moderators.changed': { payload: SessionListSchema, roles: OWNER },
} as const;
