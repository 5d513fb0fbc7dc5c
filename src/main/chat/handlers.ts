import type { chatMethods } from '../../shared/contract/chatApi';
import type { ChatRole } from '../../shared/domain/chat';
import type { CallContext, Handlers } from '../api/types';
import type { Database } from '../db/openDatabase';
import { listRecentMessages } from '../db/chat/chatMessages';
import { getStream, listLiveStreams } from '../db/history/streams';
import type { ModerationService } from '../moderation/moderationService';
import type { ModeratorAccess } from '../moderation/moderatorAccess';
import { DEFAULT_MODERATOR_TTL_MS } from '../server/sessions';
import { AppFailure } from '../../shared/result';
import { ChatFailure, toAppFailure } from './chatFailure';
import type { ChatHub } from './hub';
import type { ChatIdentity } from './room';
import type { RulesStore } from './rulesStore';
import type { ChatSender } from './sender';
import { resolveStreamState } from './streamState';

export type ChatHandlers = Pick<Handlers, keyof typeof chatMethods>;

export interface ChatHandlerDeps {
  db: Database;
  hub: ChatHub;
  sender: ChatSender;
  moderation: ModerationService;
  rules: RulesStore;
  moderators: ModeratorAccess;
  /** Base of links handed out (the public URL, or the local one), without a trailing slash. */
  publicUrl: () => string;
  now: () => number;
}

/** The stream a call is about: the one named, or the one live now. */
function streamOf(db: Database, streamId: string | undefined): string {
  if (streamId !== undefined) {
    if (!getStream(db, streamId)) throw new AppFailure('not_found', 'No such stream');
    return streamId;
  }
  const live = listLiveStreams(db).sort((a, b) => b.startedAt - a.startedAt)[0];
  if (!live) throw new AppFailure('not_found', 'No stream is live; name one with streamId');
  return live.id;
}

/** The live stream's id, or null: actions outside any stream (rules, links) are logged against it. */
export function liveStreamId(db: Database): string | null {
  return listLiveStreams(db).sort((a, b) => b.startedAt - a.startedAt)[0]?.id ?? null;
}

/** How a studio caller appears in chat. */
function speakerOf(ctx: CallContext): ChatIdentity {
  const role: ChatRole = ctx.role === 'owner' ? 'host' : 'moderator';
  const name = ctx.role === 'owner' ? 'Host' : ctx.actor.replace(/^moderator:/u, '') || 'Moderator';
  return { identity: ctx.actor, name, role };
}

/** Chat errors become the app-wide codes the studio API speaks. */
async function translated<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof ChatFailure ? toAppFailure(error) : error;
  }
}

/**
 * The studio API methods of chat and moderation (see `chatMethods`). The dispatcher has already
 * checked the caller's role and parsed the params.
 */
export function createChatHandlers(deps: ChatHandlerDeps): ChatHandlers {
  const { db, moderation } = deps;
  return {
    'chat.history': (p) => {
      const streamId = streamOf(db, p.streamId);
      return { streamId, messages: listRecentMessages(db, streamId, p.limit, p.beforeSeq), ...resolveStreamState(db, streamId) };
    },
    'chat.send': (p, ctx) =>
      translated(async () => {
        const outcome = await deps.sender.send(streamOf(db, p.streamId), speakerOf(ctx), p.text);
        if (outcome.seq === null) throw new AppFailure('internal', 'The message was not published');
        return { id: outcome.id, seq: outcome.seq };
      }),
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
    'chat.unban': (p, ctx) => translated(async () => ({ lifted: await moderation.unban(streamOf(db, p.streamId), p.identity, ctx.actor, p.reason) })),
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
    'rules.get': () => deps.rules.get(),
    'rules.update': (p, ctx) => {
      const before = deps.rules.get();
      const next = deps.rules.update(p);
      moderation.record({
        streamId: liveStreamId(db),
        actor: ctx.actor,
        action: 'rules_update',
        details: { changed: Object.keys(p) },
        at: deps.now(),
      });
      if (next.slowModeSeconds !== before.slowModeSeconds) {
        deps.hub.publishAll({
          type: 'notice',
          kind: 'slow_mode',
          seconds: next.slowModeSeconds,
          message: next.slowModeSeconds > 0 ? `Slow mode: one message every ${next.slowModeSeconds} s` : 'Slow mode is off',
        });
      }
      return next;
    },
  };
}
