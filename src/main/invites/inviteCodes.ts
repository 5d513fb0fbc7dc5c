import { createHash, randomBytes } from 'node:crypto';

/** 192 random bits, URL-safe; only the SHA-256 is stored, so a database leak reveals no usable link. */
export function newInviteCode(): string {
  return randomBytes(24).toString('base64url');
}

export function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
