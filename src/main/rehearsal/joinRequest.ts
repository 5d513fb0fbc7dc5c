/** Decoding of the v1 `join_request` query parameter. */
import { gunzipSync } from 'node:zlib';
import { JoinRequest, WrappedJoinRequest, WrappedJoinRequest_Compression } from '@livekit/protocol';

/** base64url(WrappedJoinRequest{compression, join_request}) → JoinRequest; throws on bad input. */
export function decodeJoinRequest(param: string): JoinRequest {
  // Buffer.from silently skips invalid characters, so check the alphabet first (the client
  // keeps '=' padding).
  if (!/^[A-Za-z0-9_\-=]+$/.test(param)) throw new Error('join_request is not base64url');
  const wrapped = WrappedJoinRequest.fromBinary(Buffer.from(param, 'base64url'));
  let bytes = wrapped.joinRequest;
  if (wrapped.compression === WrappedJoinRequest_Compression.GZIP) bytes = gunzipSync(bytes);
  return JoinRequest.fromBinary(bytes);
}
