import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Creates a LiveKit-style id such as `PA_x7Gk2QpLm9Zt`. The prefixes matter to clients:
 * livekit-client only accepts track sids starting with `TR` and participant sids with `PA`.
 */
export function newId(prefix: 'RM_' | 'PA_' | 'TR_' | 'EV_'): string {
  const bytes = randomBytes(12);
  let out = prefix;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}
