import { existsSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { baseHeaders } from './http';

/** Hashed asset names change with their content, so browsers may keep them for a year. */
const IMMUTABLE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Content-Security-Policy for our pages. Scripts only from our origin; media and connections may
 * reach any ws(s)/http(s) host because the LiveKit server is configurable (Cloud, LAN, loopback).
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' ws: wss: http: https:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Resolves `relative` under `root`, or null if it escapes the root or does not exist. */
export function resolveStaticFile(root: string, relative: string): string | null {
  const decoded = safeDecode(relative);
  if (decoded === null || decoded.includes('\0')) return null;
  const absoluteRoot = resolve(root);
  const candidate = resolve(join(absoluteRoot, normalize(decoded)));
  if (candidate !== absoluteRoot && !candidate.startsWith(absoluteRoot + sep)) return null;
  if (!existsSync(candidate) || !statSync(candidate).isFile()) return null;
  return candidate;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    // A malformed escape names no file of ours: the caller answers not found.
    return null;
  }
}

/**
 * Streams a file with its content type; hashed build assets are cached for a long time.
 *
 * The file is opened first and its size taken from the open descriptor, so a file replaced or
 * deleted after `resolveStaticFile` (a rebuild while serving) is either served whole as opened or
 * reported missing, never an unhandled stream error. Answers false, having written nothing, when
 * the file is gone, so the caller sends its own not-found page.
 */
export async function sendFile(res: ServerResponse, file: string, options: { immutable?: boolean; head?: boolean } = {}): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch {
    // Gone since it was resolved (a rebuild): the caller sends its not-found page.
    return false;
  }
  let size: number;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    // Replaced by something that is not a file: treated as gone, like a failed open.
    await handle.close();
    return false;
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string | number> = {
    ...baseHeaders(),
    'Content-Type': type,
    'Content-Length': size,
  };
  if (options.immutable) headers['Cache-Control'] = `public, max-age=${IMMUTABLE_MAX_AGE_SECONDS}, immutable`;
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = PAGE_CSP;
  res.writeHead(200, headers);
  if (options.head) {
    await handle.close();
    res.end();
    return true;
  }
  try {
    // pipeline closes the file and destroys the response on any error (read failure, client gone).
    await pipeline(handle.createReadStream(), res);
  } catch {
    // Headers are out, so there is no error status left to send: the short body tells the
    // client (Content-Length) the transfer failed, and the socket is already torn down.
  }
  return true;
}
