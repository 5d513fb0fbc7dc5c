import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { ModeratorGrant } from '../../shared/contract/moderatorsApi';
import type { SessionRole } from '../../shared/contract/studioApi';
import { Emitter } from '../../shared/emitter';

export interface Session {
  /** Stable handle for listing and revoking; not the token, which is never kept. */
  id: string;
  role: SessionRole;
  /** Shown in the audit log ("host", "moderator:Ana"). */
  actor: string;
  createdAt: number;
  /** Absolute end: a moderator grant's expiry, and for a browser session at most SESSION_ABSOLUTE_MS. Null only for an unused owner link. */
  expiresAt: number | null;
  /** What granted a moderator session; null for the owner. */
  grant: ModeratorGrant | null;
}

/** How long a moderator session lasts when nothing else says (links and promotions). */
export const DEFAULT_MODERATOR_TTL_MS = 24 * 60 * 60_000;
/** A browser session unused this long ends: a forgotten tab or a copied cookie stops working. */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
/** A browser session ends this long after it began, however busy: a leaked cookie is not forever. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60_000;

/** Random bytes in a token (256 bits) and in a session's public id (only a handle, never a secret). */
const TOKEN_BYTES = 32;
const SESSION_ID_BYTES = 9;
/** Longer than any token we mint: anything longer is refused before it is hashed. */
const MAX_TOKEN_LENGTH = 200;
const MS_PER_SECOND = 1000;

/** setTimeout's ceiling; later expiries are still enforced on every use, just not by a timer. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type SessionEndReason = 'revoked' | 'expired';

type SessionOptions = { expiresAt?: number; grant?: ModeratorGrant };

interface Entry {
  session: Session;
  /** A link token is shown in a URL and works once, for `redeem`; a session token is what a browser keeps. */
  kind: 'link' | 'session';
  lastUsedAt: number;
}

/**
 * Role-scoped tokens for browsers (headless studio, co-moderator console). A printed or shared
 * link carries a one-time link token: its first use (`redeem`) mints the session token the browser
 * keeps in a cookie, and the link stops working, so a link seen later in a log, a chat or a
 * history is worth nothing. Session tokens end after SESSION_IDLE_MS unused or SESSION_ABSOLUTE_MS
 * in all, and can be revoked; an end closes sockets everywhere at once (listeners) and every later
 * use is refused. Tokens are 256-bit random strings; only their SHA-256 is kept, compared in
 * constant time. Memory only: a restart ends them all.
 */
export class SessionRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly hashOfId = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly events = new Emitter<{ ended: { session: Session; reason: SessionEndReason } }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Mints a session token directly, for clients in this process that never show it (tests, the bench). */
  create(role: SessionRole, actor: string, options: SessionOptions = {}): string {
    const session = this.newSession(role, actor, options);
    session.expiresAt = capped(session.expiresAt, session.createdAt + SESSION_ABSOLUTE_MS);
    return this.store(session, 'session');
  }

  /** Mints a one-time link token (for a URL); the session it opens is listed and revocable at once. */
  openLink(role: SessionRole, actor: string, options: SessionOptions = {}): { token: string; session: Session } {
    const session = this.newSession(role, actor, options);
    return { token: this.store(session, 'link'), session };
  }

  /**
   * Exchanges a link token, once, for a fresh session token (same session id, grant and audit
   * trail); the link token is forgotten. Null for an unknown, used, expired or revoked link.
   */
  redeem(linkToken: string | null | undefined): { token: string; session: Session; maxAgeSeconds: number } | null {
    const found = this.lookup(linkToken);
    if (!found || found.entry.kind !== 'link' || !this.alive(found.entry.session.id)) return null;
    const { session } = found.entry;
    this.entries.delete(found.digest);
    const now = this.now();
    session.expiresAt = capped(session.expiresAt, now + SESSION_ABSOLUTE_MS);
    const token = this.store(session, 'session');
    return { token, session, maxAgeSeconds: Math.max(0, Math.floor((session.expiresAt - now) / MS_PER_SECOND)) };
  }

  /** The session a session token (never a link token) stands for, if it still holds; counts as use. */
  verify(token: string | null | undefined): Session | null {
    const found = this.lookup(token);
    if (!found || found.entry.kind !== 'session') return null;
    return this.isActive(found.entry.session.id) ? found.entry.session : null;
  }

  /** Whether a session still holds (checked on every frame, which counts as use and keeps it from idling out). */
  isActive(id: string): boolean {
    if (!this.alive(id)) return false;
    const entry = this.entryOf(id);
    if (entry) entry.lastUsedAt = this.now();
    return true;
  }

  /** Active moderator sessions (redeemed or not), oldest first. */
  moderators(): Session[] {
    return [...this.entries.values()]
      .map((entry) => entry.session)
      .filter((session) => session.role === 'moderator' && this.alive(session.id))
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Ends a session by id; null when there is no such active session. */
  revokeById(id: string): Session | null {
    return this.end(id, 'revoked');
  }

  revoke(token: string): boolean {
    const found = this.lookup(token);
    return found !== null && this.end(found.entry.session.id, 'revoked') !== null;
  }

  /** Hears every session that ends, revoked or expired; returns the unsubscribe. */
  onEnded(listener: (session: Session, reason: SessionEndReason) => void): () => void {
    return this.events.on('ended', ({ session, reason }) => listener(session, reason));
  }

  private newSession(role: SessionRole, actor: string, options: SessionOptions): Session {
    // Sessions that idled out end here too, so the map does not keep them until their next use.
    for (const id of [...this.hashOfId.keys()]) this.alive(id);
    const createdAt = this.now();
    const moderator = role === 'moderator';
    return {
      id: `ses_${randomBytes(SESSION_ID_BYTES).toString('base64url')}`,
      role,
      actor,
      createdAt,
      expiresAt: moderator ? (options.expiresAt ?? createdAt + DEFAULT_MODERATOR_TTL_MS) : null,
      grant: moderator ? (options.grant ?? { kind: 'link', label: actor.replace(/^moderator:/u, '') }) : null,
    };
  }

  private store(session: Session, kind: Entry['kind']): string {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const digest = hash(token);
    this.entries.set(digest, { session, kind, lastUsedAt: this.now() });
    this.hashOfId.set(session.id, digest);
    clearTimeout(this.timers.get(session.id));
    this.timers.delete(session.id);
    if (session.expiresAt !== null) {
      const delay = session.expiresAt - this.now();
      if (delay <= MAX_TIMER_MS) {
        const timer = setTimeout(() => this.end(session.id, 'expired'), Math.max(0, delay));
        timer.unref();
        this.timers.set(session.id, timer);
      }
    }
    return token;
  }

  private lookup(token: string | null | undefined): { digest: string; entry: Entry } | null {
    if (!token || token.length > MAX_TOKEN_LENGTH) return null;
    const digest = Buffer.from(hash(token), 'hex');
    for (const [key, entry] of this.entries) {
      if (timingSafeEqual(Buffer.from(key, 'hex'), digest)) return { digest: key, entry };
    }
    return null;
  }

  private entryOf(id: string): Entry | undefined {
    const digest = this.hashOfId.get(id);
    return digest === undefined ? undefined : this.entries.get(digest);
  }

  /** Whether a session holds, without counting a use; ends it (announced) when it has expired. */
  private alive(id: string): boolean {
    const entry = this.entryOf(id);
    if (!entry) return false;
    const now = this.now();
    const { session } = entry;
    const idle = entry.kind === 'session' && now - entry.lastUsedAt >= SESSION_IDLE_MS;
    if ((session.expiresAt !== null && session.expiresAt <= now) || idle) {
      this.end(id, 'expired');
      return false;
    }
    return true;
  }

  private end(id: string, reason: SessionEndReason): Session | null {
    const digest = this.hashOfId.get(id);
    const entry = digest === undefined ? undefined : this.entries.get(digest);
    if (!digest || !entry) return null;
    this.entries.delete(digest);
    this.hashOfId.delete(id);
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.events.emit('ended', { session: entry.session, reason });
    return entry.session;
  }
}

function capped(expiresAt: number | null, ceiling: number): number {
  return expiresAt === null ? ceiling : Math.min(expiresAt, ceiling);
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
