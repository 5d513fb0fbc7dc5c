import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VIEWER_IDENTITY_PATTERN } from '../../shared/contract/httpRoutes';

/** How long a viewer may be away and still come back as the same viewer. Every token request renews it. */
export const TICKET_TTL_MS = 12 * 60 * 60 * 1000;

/** File in the data directory that holds the ticket key (32 random bytes, mode 0600). */
export const TICKET_KEY_FILE = 'viewer-ticket.key';

const KEY_BYTES = 32;

/**
 * Signed reconnect tickets for viewers. A viewer keeps an identity across reloads and reconnects
 * only by handing back the ticket we gave them: `<identity>.<expiresAt>.<HMAC-SHA256>`. A bare
 * identity proves nothing (anyone who saw it in chat could send it), so the watch route never
 * accepts one.
 *
 * The key is random per data directory rather than derived from the LiveKit API secret: the dev
 * default secret ("secret") is public, so tickets derived from it could be forged by anyone, and
 * changing the API secret should not cut every viewer loose. Losing the key file only means
 * viewers get fresh identities once.
 */
export class ViewerTickets {
  constructor(
    private readonly key: Buffer,
    private readonly now: () => number = Date.now,
  ) {}

  /** Loads the data directory's key, creating it (0600) on first start. */
  static forDataDir(dataDir: string, now?: () => number): ViewerTickets {
    return new ViewerTickets(loadOrCreateKey(join(dataDir, TICKET_KEY_FILE)), now);
  }

  issue(identity: string): string {
    const expiresAt = this.now() + TICKET_TTL_MS;
    return `${identity}.${expiresAt}.${this.mac(identity, expiresAt)}`;
  }

  /** The identity a ticket proves, or null for anything missing, malformed, forged or expired. */
  verify(ticket: string | undefined): string | null {
    if (ticket === undefined) return null;
    const parts = ticket.split('.');
    if (parts.length !== 3) return null;
    const [identity, expiry, mac] = parts as [string, string, string];
    if (!VIEWER_IDENTITY_PATTERN.test(identity) || !/^\d{1,15}$/u.test(expiry)) return null;
    const expiresAt = Number(expiry);
    if (expiresAt <= this.now()) return null;
    const expected = Buffer.from(this.mac(identity, expiresAt), 'utf8');
    const given = Buffer.from(mac, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected) ? identity : null;
  }

  private mac(identity: string, expiresAt: number): string {
    // Domain-separated so this key can never be confused with a MAC made for another purpose.
    return createHmac('sha256', this.key).update(`airdeck.viewer-ticket.v1\n${identity}\n${expiresAt}`).digest('base64url');
  }
}

function loadOrCreateKey(file: string): Buffer {
  try {
    const existing = readFileSync(file);
    if (existing.length === KEY_BYTES) {
      chmodSync(file, 0o600);
      return existing;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(KEY_BYTES);
  writeFileSync(file, key, { mode: 0o600 });
  chmodSync(file, 0o600); // the mode option is filtered by the umask and ignored for an existing file
  return key;
}
