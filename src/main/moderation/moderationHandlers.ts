import type { Handlers } from '../api/types';
import type { Database } from '../db/openDatabase';
import { streamOf, translated } from '../chat/callStream';
import { DEFAULT_MODERATOR_TTL_MS } from '../server/sessions';
import type { ModerationService } from './moderationService';
import type { ModeratorAccess } from './moderatorAccess';

/** The studio API methods of moderation: the moderator actions on chat and the queue. */
export type ModerationHandlers = Pick<
  Handlers,
  | 'chat.delete'
  | 'chat.timeout'
  | 'chat.ban'
  | 'chat.unban'
  | 'chat.bans'
  | 'chat.pin'
  | 'chat.highlight'
  | 'moderation.list'
  | 'moderation.decide'
  | 'moderation.audit'
  | 'moderation.createModeratorLink'
>;

export interface ModerationHandlerDeps {
  db: Database;
  moderation: ModerationService;
  moderators: ModeratorAccess;
  /** Base of links handed out (the public URL, or the local one), without a trailing slash. */
  publicUrl: () => string;
  now: () => number;
}

/** The dispatcher has already checked the caller's role and parsed the params. */
export function createModerationHandlers(deps: ModerationHandlerDeps): ModerationHandlers {
  const { db, moderation } = deps;
  return {
    'chat.delete': (p, ctx) =>
      translated(async () => {
        await moderation.deleteMessage(p.messageId, ctx.actor, p.reason);
        return { ok: true as const };
      }),
    'chat.timeout': (p, ctx) =>
      translated(async () => ({ until: await moderation.timeout(streamOf(db, p.streamId), p.identity, p.minutes, ctx, p.reason) })),
    'chat.ban': (p, ctx) =>
      translated(async () => {
        await moderation.ban(streamOf(db, p.streamId), p.identity, p.scope, ctx, p.reason);
        return { ok: true as const };
      }),
    'chat.unban': (p, ctx) =>
      translated(async () => ({ lifted: await moderation.unban(streamOf(db, p.streamId), p.identity, ctx.actor, p.reason) })),
    'chat.bans': (p) => ({ bans: moderation.bans(streamOf(db, p.streamId)) }),
    'chat.pin': (p, ctx) => translated(() => ({ pinned: moderation.pin(streamOf(db, p.streamId), p.messageId, ctx.actor) })),
    'chat.highlight': (p, ctx) => translated(() => ({ highlight: moderation.highlight(streamOf(db, p.streamId), p.messageId, ctx.actor) })),
    'moderation.list': (p) => ({
      items: moderation.list({ streamId: streamOf(db, p.streamId), status: p.status, kind: p.kind, limit: p.limit }),
    }),
    'moderation.decide': (p, ctx) => translated(() => moderation.decide(p.itemId, p.decision, ctx.actor, p.reason)),
    'moderation.audit': (p) => ({ entries: moderation.audit(streamOf(db, p.streamId), p.limit, p.beforeId) }),
    'moderation.createModeratorLink': (p, ctx) => {
      const { token, session } = deps.moderators.grant({
        name: p.label,
        grant: { kind: 'link', label: p.label },
        expiresAt: deps.now() + DEFAULT_MODERATOR_TTL_MS,
        by: ctx.actor,
        action: 'moderator_link',
      });
      // The studio page turns `?session=` into an HttpOnly cookie and drops it from the address bar.
      const url = `${deps.publicUrl().replace(/\/+$/u, '')}/?session=${encodeURIComponent(token)}`;
      return { url, actor: session.actor };
    },
  };
}
