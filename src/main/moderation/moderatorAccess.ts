import type { ModeratorGrant, ModeratorSession, moderatorMethods } from '../../shared/contract/moderatorsApi';
import type { AuditAction } from '../../shared/domain/chat';
import { MODERATOR_IDENTITY_PREFIX } from '../../shared/domain/roles';
import { AppFailure } from '../../shared/result';
import type { EventBus } from '../api/eventBus';
import type { Handlers } from '../api/types';
import type { NewAuditEntry } from '../db/moderation/auditLog';
import type { Session, SessionRegistry } from '../server/sessions';

export interface ModeratorAccessDeps {
  sessions: SessionRegistry;
  bus: EventBus;
  /** The moderation audit log's one write path (ModerationService.record). */
  record: (entry: NewAuditEntry) => unknown;
  /** The live stream's id, which grants and revocations are logged against (null when none). */
  liveStreamId: () => string | null;
  now: () => number;
}

/** What a grant is for: who is made moderator, by what, until when, and who gave it. */
export interface GrantRequest {
  name: string;
  grant: ModeratorGrant;
  expiresAt: number;
  /** The actor that granted it, for the audit log. */
  by: string;
  action: Extract<AuditAction, 'moderator_link' | 'moderator_invite' | 'promote'>;
  /** Who the audit entry is about (the promoted guest's identity; the moderator otherwise). */
  targetIdentity?: string;
}

function viewOf(session: Session): ModeratorSession {
  return {
    id: session.id,
    name: session.actor.replace(/^moderator:/u, '') || 'Moderator',
    actor: session.actor,
    grantedAt: session.createdAt,
    expiresAt: session.expiresAt ?? 0,
    grant: session.grant ?? { kind: 'link', label: session.actor },
  };
}

/**
 * Moderator access as something that can be granted, listed and revoked, with an expiry. Every
 * grant and revocation goes to the audit log; every change (expiries too) is pushed to the owner.
 * Sockets holding a session close themselves when the registry says it ended.
 */
export class ModeratorAccess {
  constructor(private readonly deps: ModeratorAccessDeps) {
    deps.sessions.onEnded((session) => {
      if (session.role === 'moderator') this.changed();
    });
  }

  /** Opens a moderator session; returns its one-time link token to hand out (in a console URL). */
  grant(request: GrantRequest): { token: string; session: ModeratorSession } {
    const actor = `${MODERATOR_IDENTITY_PREFIX}${request.name}`;
    const { token, session } = this.deps.sessions.openLink('moderator', actor, { expiresAt: request.expiresAt, grant: request.grant });
    this.deps.record({
      streamId: this.deps.liveStreamId(),
      actor: request.by,
      action: request.action,
      targetIdentity: request.targetIdentity ?? actor,
      details: { moderator: actor, sessionId: session.id, expiresAt: request.expiresAt, grant: request.grant },
      at: this.deps.now(),
    });
    this.changed();
    return { token, session: viewOf(session) };
  }

  list(): ModeratorSession[] {
    return this.deps.sessions.moderators().map(viewOf);
  }

  /** Ends one moderator session now; `not_found` for an unknown, expired or already revoked one. */
  revoke(sessionId: string, by: string, reason?: string): ModeratorSession {
    const active = this.deps.sessions.moderators().find((session) => session.id === sessionId);
    if (!active) throw new AppFailure('not_found', 'No active moderator session with that id');
    this.deps.sessions.revokeById(sessionId);
    this.deps.record({
      streamId: this.deps.liveStreamId(),
      actor: by,
      action: 'moderator_revoke',
      targetIdentity: active.actor,
      reason: reason ?? null,
      details: { sessionId, grant: active.grant },
      at: this.deps.now(),
    });
    return viewOf(active);
  }

  /** Revoking an invite revokes every moderator session redeemed from it. */
  revokeFromInvite(inviteId: string, by: string): ModeratorSession[] {
    return this.deps.sessions
      .moderators()
      .filter((session) => session.grant?.kind === 'invite' && session.grant.inviteId === inviteId)
      .map((session) => this.revoke(session.id, by, 'The invite it came from was revoked'));
  }

  private changed(): void {
    this.deps.bus.emit('moderators.changed', { sessions: this.list() });
  }
}

/** The owner's studio API for moderator access (see `moderatorMethods`). */
export function createModeratorHandlers(access: ModeratorAccess): Pick<Handlers, keyof typeof moderatorMethods> {
  return {
    'moderators.list': () => ({ sessions: access.list() }),
    'moderators.revoke': (p, ctx) => ({ revoked: access.revoke(p.sessionId, ctx.actor) }),
  };
}
