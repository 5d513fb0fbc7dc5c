import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'airdeck_session';

export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

/**
 * HttpOnly so page scripts never see it; SameSite=Strict so other sites cannot ride on it; Max-Age
 * so the browser drops it when the server would refuse it anyway (the server enforces the expiry).
 */
export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}`;
}

/** The session token of a request: `?session=` first, then the cookie. */
export function sessionTokenOf(req: IncomingMessage, url: URL): string | null {
  return url.searchParams.get('session') ?? readCookie(req, SESSION_COOKIE);
}

/**
 * Browsers send cookies with cross-site WebSocket handshakes, so a socket authenticated by cookie
 * must come from a page of our own origin. Non-browser clients send no Origin and use `?session=`.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    // An Origin that is not a URL cannot be ours: refused, and the client is told by the caller.
    return false;
  }
}
