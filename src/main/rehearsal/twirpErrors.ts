/**
 * Twirp's answer format: protojson bodies, and errors as `{code, msg, meta}` with a Content-Type of
 * exactly `application/json` (livekit-server-sdk compares it with `===`).
 */
import type { ServerResponse } from 'node:http';
import type { JsonValue } from '@bufbuild/protobuf';

const TWIRP_STATUS = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
  internal: 500,
  unimplemented: 501,
} as const;

type TwirpCode = keyof typeof TWIRP_STATUS;

/** An error answered in Twirp's format. */
export class TwirpError extends Error {
  constructor(
    readonly code: TwirpCode,
    message: string,
  ) {
    super(message);
  }
}

/** Anything with protobuf-es v1's `toJson()`. */
export interface JsonMessage {
  toJson(): JsonValue;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendTwirpError(res: ServerResponse, err: TwirpError): void {
  sendJson(res, TWIRP_STATUS[err.code], { code: err.code, msg: err.message, meta: {} });
}
