import type { ChatErrorCode } from '../../shared/contract/chatFrames';
import { AppFailure, type ErrorCode } from '../../shared/result';

/** An expected chat error: becomes an error frame on the chat socket, or an `AppFailure` in the studio API. */
export class ChatFailure extends Error {
  constructor(
    readonly code: ChatErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ChatFailure';
  }
}

const API_CODE: Record<ChatErrorCode, ErrorCode> = {
  bad_request: 'bad_request',
  unknown_type: 'bad_request',
  too_large: 'too_large',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  rate_limited: 'rate_limited',
  slow_mode: 'rate_limited',
  timed_out: 'forbidden',
  banned: 'forbidden',
  blocked: 'bad_request',
  stream_ended: 'conflict',
  internal: 'internal',
};

/** The studio API speaks the app-wide error codes; chat-only codes map to their nearest one. */
export function toAppFailure(failure: ChatFailure): AppFailure {
  return new AppFailure(API_CODE[failure.code], failure.message);
}
