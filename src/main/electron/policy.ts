import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Every security decision of the desktop shell, as pure functions so they are unit-tested in Node
 * (Electron itself cannot run in CI). The Electron glue (window.ts, guard.ts, appProtocol.ts) only
 * forwards to these. Origins are always compared parsed (scheme + host), never by prefix or regex:
 * `app://studio.evil/…` or `https://localhost:5173.evil.test` must not pass as ours.
 */

/** The studio is served from `app://studio/…` (see appProtocol.ts), never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export interface OwnOrigins {
  /** electron-vite's hot reload server in development; absent in a packaged app. */
  devServerUrl?: string;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    // Not a URL at all: callers treat null as "not ours" and refuse it.
    return null;
  }
}

/** True for a URL on our own origin: app://studio, or the dev server's exact origin in development. */
export function isOwnUrl(url: string, origins: OwnOrigins = {}): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  const dev = origins.devServerUrl ? parse(origins.devServerUrl) : null;
  return (
    dev !== null && (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.protocol === dev.protocol && parsed.host === dev.host
  );
}

/** Navigation and redirects may only stay on our origin; anything else is refused. */
export function mayNavigate(url: string, origins: OwnOrigins = {}): boolean {
  return isOwnUrl(url, origins);
}

/** What `shell.openExternal` may be given: the parsed http(s) URL re-serialised, or null. */
export function externalUrl(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  // Credentials in a link are a phishing trick, never something the studio hands out.
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

const REQUESTABLE = new Set(['media', 'display-capture', 'clipboard-sanitized-write']);
const CHECKABLE = new Set(['media', 'clipboard-sanitized-write']);

/** Permission requests (camera, microphone, screen, clipboard write): granted only to our own pages. */
export function mayGrantPermission(permission: string, requestingUrl: string, origins: OwnOrigins = {}): boolean {
  return REQUESTABLE.has(permission) && isOwnUrl(requestingUrl, origins);
}

/** Synchronous permission checks (Chromium asks with an origin, not a full URL). */
export function permissionCheckPasses(permission: string, requestingOrigin: string, origins: OwnOrigins = {}): boolean {
  return CHECKABLE.has(permission) && isOwnUrl(requestingOrigin, origins);
}

/**
 * The file an `app://studio/…` request maps to inside the built renderer directory, or null when
 * the request is for another host, is malformed, or would leave the directory (`..`, encoded
 * slashes, absolute paths). `/` is the studio page.
 */
export function appFileFor(requestUrl: string, rendererDir: string): string | null {
  const parsed = parse(requestUrl);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    // Malformed percent-encoding names no file: refused like any unknown path.
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}
