import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { z } from 'zod';
import { describeZodError } from '../../shared/zodIssues';
import { type AppError, type ErrorCode, type Result } from '../../shared/result';

/** HTTP status for each error code, so every route maps failures the same way. */
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  unknown_method: 404,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  livekit_unreachable: 502,
  livekit_unauthorized: 502,
  livekit_error: 502,
  secret_storage_unavailable: 500,
  internal: 500,
};

export function statusForError(error: AppError): number {
  return STATUS_BY_CODE[error.code];
}

/** Security headers on every response; pages add their CSP. */
export function baseHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/** A body cap for routes that name none: API bodies are small JSON objects. */
const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** How long a client that keeps sending an oversize body may take to read our 413 before we hang up. */
const TOO_LARGE_LINGER_MS = 2_000;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const tooLarge = status === 413;
  res.writeHead(status, {
    ...baseHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    // The rest of an oversize body is never read: the connection cannot be reused, so say so.
    ...(tooLarge ? { Connection: 'close' } : {}),
  });
  res.end(text);
  if (tooLarge) closeAfterLinger(res);
}

/**
 * After a 413 the server closes the connection (Connection: close), while `readBody` keeps
 * discarding what the client still sends so it can read the answer (closing on unread data would
 * reset the connection and lose the answer). A client that never stops sending is cut off after
 * a short linger, so an endless body cannot hold the socket.
 */
function closeAfterLinger(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  res.once('finish', () => {
    const timer = setTimeout(() => socket.destroy(), TOO_LARGE_LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
}

/** Answers with the result envelope, choosing the status from the error code. */
export function sendResult<T>(res: ServerResponse, result: Result<T>): void {
  sendJson(res, result.ok ? 200 : statusForError(result.error), result);
}

export function sendError(res: ServerResponse, code: ErrorCode, message: string): void {
  sendResult(res, { ok: false, error: { code, message } });
}

/** Refuses a WebSocket upgrade with a plain HTTP status and a short text body. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const reasons: Record<number, string> = {
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    429: 'Too Many Requests',
    503: 'Service Unavailable',
  };
  const reason = reasons[status] ?? 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`,
  );
}

export class BodyTooLargeError extends Error {}

/**
 * Reads a request body up to `limit` bytes; larger bodies are refused without buffering them.
 * Whether the size is declared (Content-Length) or only found out while reading (chunked), the
 * excess is read and dropped rather than the socket destroyed, so the caller's 413 reaches the
 * client; `sendJson` then closes the connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLargeError(`Body exceeds ${limit} bytes`));
      req.resume();
      return;
    }
    let chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return; // draining: see above
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks = [];
        reject(new BodyTooLargeError(`Body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Reads and validates a JSON body. Oversize, malformed JSON and schema failures each become a
 * clear error result; nothing is thrown past this function.
 */
export async function readJsonBody<S extends z.ZodType>(
  req: IncomingMessage,
  schema: S,
  limit = DEFAULT_MAX_BODY_BYTES,
): Promise<Result<z.output<S>>> {
  let raw: Buffer;
  try {
    raw = await readBody(req, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, error: { code: 'too_large', message: error.message } };
    return { ok: false, error: { code: 'bad_request', message: 'Could not read the request body' } };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    // The parser's own message adds nothing the client can act on.
    return { ok: false, error: { code: 'bad_request', message: 'Body is not valid JSON' } };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, error: { code: 'bad_request', message: describeZodError(parsed.error) } };
  return { ok: true, value: parsed.data };
}
