/**
 * Small time rules of the viewer chat, kept DOM-free for tests: when a LiveKit token must be
 * renewed, and what the composer says while slow mode or a timeout holds the viewer back.
 */

/** Renew this long before the token expires, so a reconnect never presents an expired token. */
export const TOKEN_RENEW_MARGIN_MS = 60_000;

/** Epoch ms at which a JWT expires (`exp`), or null when it cannot be read. */
export function tokenExpiry(jwt: string): number | null {
  const payload = jwt.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/gu, '+').replace(/_/gu, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp * 1000 : null;
  } catch {
    return null; // an unreadable token has no known expiry; the caller then schedules no renewal
  }
}

/** The shortest wait before a renewal, so a short or odd token cannot spin. */
const MIN_RENEW_DELAY_MS = 5_000;

/** Delay until the token should be renewed: at least {@link MIN_RENEW_DELAY_MS}. */
export function renewDelay(jwt: string, now: number): number | null {
  const expiry = tokenExpiry(jwt);
  if (expiry === null) return null;
  return Math.max(MIN_RENEW_DELAY_MS, expiry - TOKEN_RENEW_MARGIN_MS - now);
}

/** Why the composer is held back right now, or null when the viewer may send. */
export function sendBlocker(state: { timedOutUntil: number | null; nextSendAt: number }, now: number): string | null {
  if (state.timedOutUntil !== null && state.timedOutUntil > now) {
    const until = new Date(state.timedOutUntil).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    const minutes = Math.ceil((state.timedOutUntil - now) / 60_000);
    return `You are timed out for ${minutes} more minute${minutes === 1 ? '' : 's'} (until ${until}).`;
  }
  if (state.nextSendAt > now) {
    const seconds = Math.ceil((state.nextSendAt - now) / 1000);
    return `Slow mode: you can send again in ${seconds} s.`;
  }
  return null;
}
