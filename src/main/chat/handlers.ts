import type { ChatRole } from '../../shared/domain/chat';
import { AppFailure } from '../../shared/result';
import type { CallContext, Handlers } from '../api/types';
import type { Database } from '../db/openDatabase';
import { listRecentMessages } from '../db/chat/chatMessages';
import { liveStreamId, streamOf, translated } from './callStream';
import type { ChatHub } from './hub';
import type { ChatModerator } from './moderationPort';
import type { ChatIdentity } from './room';
import type { RulesStore } from './rulesStore';
import type { ChatSender } from './sender';
import { resolveStreamState } from './streamState';

/** The studio API methods chat answers itself; moderation answers the rest of `chatMethods`. */
export type ChatOwnHandlers = Pick<Handlers, 'chat.history' | 'chat.send' | 'rules.get' | 'rules.update'>;

export interface ChatHandlerDeps {
  db: Database;
  hub: ChatHub;
  sender: ChatSender;
  /** Only to audit rules changes. */
  moderation: Pick<ChatModerator, 'record'>;
  rules: RulesStore;
  now: () => number;
}

/** How a studio caller appears in chat. */
function speakerOf(ctx: CallContext): ChatIdentity {
  const role: ChatRole = ctx.role === 'owner' ? 'host' : 'moderator';
  const name = ctx.role === 'owner' ? 'Host' : ctx.actor.replace(/^moderator:/u, '') || 'Moderator';
  return { identity: ctx.actor, name, role };
}

/**
 * The studio API methods of chat itself (see `chatMethods`). The dispatcher has already checked
 * the caller's role and parsed the params.
 */
export function createChatHandlers(deps: ChatHandlerDeps): ChatOwnHandlers {
  const { db } = deps;
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
    'rules.get': () => deps.rules.get(),
    'rules.update': (p, ctx) => {
      const before = deps.rules.get();
      const next = deps.rules.update(p);
      deps.moderation.record({
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
