import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { SessionRole } from '../../shared/contract/studioApi';

export interface Session {
  role: SessionRole;
  /** Shown in the audit log ("host", "moderator:Ana"). */
  actor: string;
  createdAt: number;
}

/**
 * Role-scoped session tokens for browsers (headless studio, co-moderator console). Tokens are
 * 256-bit random strings; only their SHA-256 is kept, and lookups compare hashes in constant time.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  /** Mints a token for a role; the caller shows it once (in a URL) and never stores it. */
  create(role: SessionRole, actor: string): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(hash(token), { role, actor, createdAt: Date.now() });
    return token;
  }

  verify(token: string | null | undefined): Session | null {
    if (!token || token.length > 200) return null;
    const digest = hash(token);
    for (const [key, session] of this.sessions) {
      if (timingSafeEqual(Buffer.from(key, 'hex'), Buffer.from(digest, 'hex'))) return session;
    }
    return null;
  }

  revoke(token: string): boolean {
    return this.sessions.delete(hash(token));
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
