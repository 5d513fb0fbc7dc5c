import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { ModeratorGrant } from '../../shared/contract/moderatorsApi';
import type { SessionRole } from '../../shared/contract/studioApi';

export interface Session {
  /** Stable handle for listing and revoking; not the token, which is never kept. */
  id: string;
  role: SessionRole;
  /** Shown in the audit log ("host", "moderator:Ana"). */
  actor: string;
  createdAt: number;
  /** Null only for the owner's own session, which lasts as long as the process. */
  expiresAt: number | null;
  /** What granted a moderator session; null for the owner. */
  grant: ModeratorGrant | null;
}

/** How long a moderator session lasts when nothing else says (links and promotions). */
export const DEFAULT_MODERATOR_TTL_MS = 24 * 60 * 60_000;

/** setTimeout's ceiling; later expiries are still enforced on every use, just not by a timer. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type SessionEndReason = 'revoked' | 'expired';

/**
 * Role-scoped session tokens for browsers (headless studio, co-moderator console). Tokens are
 * 256-bit random strings; only their SHA-256 is kept, and lookups compare hashes in constant time.
 * Moderator sessions expire and can be revoked; either ends them everywhere at once (listeners
 * close their sockets) and every later use is refused. Memory only: a restart ends them all.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();
  private readonly hashOfId = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<(session: Session, reason: SessionEndReason) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Mints a token for a role; the caller shows it once (in a URL) and never stores it. */
  create(role: SessionRole, actor: string, options: { expiresAt?: number; grant?: ModeratorGrant } = {}): string {
    return this.open(role, actor, options).token;
  }

  /** Like `create`, and also returns the session (its id, expiry and grant). */
  open(role: SessionRole, actor: string, options: { expiresAt?: number; grant?: ModeratorGrant } = {}): { token: string; session: Session } {
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const moderator = role === 'moderator';
    const session: Session = {
      id: `ses_${randomBytes(9).toString('base64url')}`,
      role,
      actor,
      createdAt,
      expiresAt: moderator ? (options.expiresAt ?? createdAt + DEFAULT_MODERATOR_TTL_MS) : null,
      grant: moderator ? (options.grant ?? { kind: 'link', label: actor.replace(/^moderator:/u, '') }) : null,
    };
    const digest = hash(token);
    this.sessions.set(digest, session);
    this.hashOfId.set(session.id, digest);
    if (session.expiresAt !== null) {
      const delay = session.expiresAt - createdAt;
      if (delay <= MAX_TIMER_MS) {
        const timer = setTimeout(() => this.end(session.id, 'expired'), Math.max(0, delay));
        timer.unref();
        this.timers.set(session.id, timer);
      }
    }
    return { token, session };
  }

  verify(token: string | null | undefined): Session | null {
    if (!token || token.length > 200) return null;
    const digest = hash(token);
    for (const [key, session] of this.sessions) {
      if (timingSafeEqual(Buffer.from(key, 'hex'), Buffer.from(digest, 'hex'))) return this.isActive(session.id) ? session : null;
    }
    return null;
  }

  /** Whether a session still holds: not revoked and not expired (checked on every frame). */
  isActive(id: string): boolean {
    const digest = this.hashOfId.get(id);
    const session = digest === undefined ? undefined : this.sessions.get(digest);
    if (!session) return false;
    if (session.expiresAt !== null && session.expiresAt <= this.now()) {
      this.end(id, 'expired');
      return false;
    }
    return true;
  }

  /** Active moderator sessions, oldest first. */
  moderators(): Session[] {
    return [...this.sessions.values()]
      .filter((session) => session.role === 'moderator' && this.isActive(session.id))
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Ends a session by id; null when there is no such active session. */
  revokeById(id: string): Session | null {
    return this.end(id, 'revoked');
  }

  revoke(token: string): boolean {
    const session = this.sessions.get(hash(token));
    return session !== undefined && this.end(session.id, 'revoked') !== null;
  }

  /** Hears every session that ends, revoked or expired; returns the unsubscribe. */
  onEnded(listener: (session: Session, reason: SessionEndReason) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private end(id: string, reason: SessionEndReason): Session | null {
    const digest = this.hashOfId.get(id);
    const session = digest === undefined ? undefined : this.sessions.get(digest);
    if (!digest || !session) return null;
    this.sessions.delete(digest);
    this.hashOfId.delete(id);
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    for (const listener of this.listeners) listener(session, reason);
    return session;
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
