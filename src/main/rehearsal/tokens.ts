/**
 * HS256 JWT handling for the dev server: verifying LiveKit access tokens and signing the
 * short-lived tokens that authenticate outgoing webhooks.
 *
 * Implemented on node:crypto so the server has no dependency on a particular `jose` major.
 * Behaviour follows the SDK's TokenVerifier: issuer must be a known API key, `exp` is required,
 * 10 s of clock tolerance, HS256 only.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { type ParticipantPermission, TrackSource } from '@livekit/protocol';

/** The `video` grant as serialised by livekit-server-sdk's AccessToken. */
export interface VideoGrant {
  roomCreate?: boolean;
  roomJoin?: boolean;
  roomList?: boolean;
  roomRecord?: boolean;
  roomAdmin?: boolean;
  room?: string;
  canPublish?: boolean;
  canSubscribe?: boolean;
  canPublishData?: boolean;
  canPublishSources?: string[];
  canUpdateOwnMetadata?: boolean;
  hidden?: boolean;
  recorder?: boolean;
  agent?: boolean;
}

/** Verified claims of an access token. */
export interface TokenClaims {
  apiKey: string;
  identity: string;
  name: string;
  metadata: string;
  attributes: Record<string, string>;
  kind: string;
  sha256: string | undefined;
  video: VideoGrant;
  exp: number;
}

/** Thrown for any token problem; `message` is safe to return to the client as plain text. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
}

const CLOCK_TOLERANCE_SEC = 10;

function b64urlDecodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new TokenError('invalid token: malformed segment');
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optBool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

function optString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function parseVideoGrant(raw: unknown): VideoGrant {
  if (!isRecord(raw)) return {};
  const sources = Array.isArray(raw.canPublishSources)
    ? raw.canPublishSources.filter((s): s is string => typeof s === 'string')
    : undefined;
  return {
    roomCreate: optBool(raw.roomCreate),
    roomJoin: optBool(raw.roomJoin),
    roomList: optBool(raw.roomList),
    roomRecord: optBool(raw.roomRecord),
    roomAdmin: optBool(raw.roomAdmin),
    room: optString(raw.room),
    canPublish: optBool(raw.canPublish),
    canSubscribe: optBool(raw.canSubscribe),
    canPublishData: optBool(raw.canPublishData),
    canPublishSources: sources,
    canUpdateOwnMetadata: optBool(raw.canUpdateOwnMetadata),
    hidden: optBool(raw.hidden),
    recorder: optBool(raw.recorder),
    agent: optBool(raw.agent),
  };
}

/**
 * Verifies `token` against the configured API keys (key → secret) and returns its claims.
 * The issuer is read unverified first to pick the secret, as livekit-server does.
 */
export function verifyToken(token: string, keys: ReadonlyMap<string, string>, nowSec = Date.now() / 1000): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenError('invalid token: not a JWT');
  const [h, p, s] = parts as [string, string, string];
  const header = b64urlDecodeJson(h);
  if (!isRecord(header) || header.alg !== 'HS256') throw new TokenError('invalid token: unsupported algorithm');
  const payload = b64urlDecodeJson(p);
  if (!isRecord(payload)) throw new TokenError('invalid token: payload is not an object');
  const iss = optString(payload.iss);
  if (!iss) throw new TokenError('invalid token: missing issuer');
  const secret = keys.get(iss);
  if (secret === undefined) throw new TokenError('invalid API key');
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new TokenError('invalid token: signature verification failed');
  }
  const exp = payload.exp;
  if (typeof exp !== 'number') throw new TokenError('invalid token: missing exp');
  if (exp + CLOCK_TOLERANCE_SEC < nowSec) throw new TokenError('invalid token: token is expired');
  const nbf = payload.nbf;
  if (typeof nbf === 'number' && nbf - CLOCK_TOLERANCE_SEC > nowSec) {
    throw new TokenError('invalid token: token is not yet valid');
  }
  const attributes: Record<string, string> = {};
  if (isRecord(payload.attributes)) {
    for (const [k, v] of Object.entries(payload.attributes)) if (typeof v === 'string') attributes[k] = v;
  }
  return {
    apiKey: iss,
    identity: optString(payload.sub) ?? '',
    name: optString(payload.name) ?? '',
    metadata: optString(payload.metadata) ?? '',
    attributes,
    kind: optString(payload.kind) ?? '',
    sha256: optString(payload.sha256),
    video: parseVideoGrant(payload.video),
    exp,
  };
}

/** Signs an HS256 JWT with the given claims (header `{"alg":"HS256"}` like the SDK). */
export function signToken(claims: Record<string, unknown>, apiKey: string, secret: string, ttlSec = 300): string {
  const now = Math.floor(Date.now() / 1000);
  const header = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ ...claims, iss: apiKey, nbf: now, exp: now + ttlSec })).toString('base64url');
  const sig = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${sig}`;
}

/** Base64 (standard, padded) SHA-256 of `body`, the form LiveKit puts in the webhook `sha256` claim. */
export function sha256Base64(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('base64');
}

const SOURCE_NAMES: Record<string, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

/** Maps the token's lowercase `canPublishSources` strings to TrackSource values (unknown names dropped). */
export function parseSources(names: readonly string[] | undefined): TrackSource[] {
  if (!names) return [];
  const out: TrackSource[] = [];
  for (const n of names) {
    const s = SOURCE_NAMES[n.toLowerCase()];
    if (s !== undefined && !out.includes(s)) out.push(s);
  }
  return out;
}

/** The token's lowercase names for TrackSource values (the inverse of {@link parseSources}). */
export function sourceNames(sources: readonly TrackSource[]): string[] {
  return Object.entries(SOURCE_NAMES)
    .filter(([, source]) => sources.includes(source))
    .map(([name]) => name);
}

/** livekit-server's refresh token lifetime; a client only presents it when it rejoins. */
const REFRESH_TTL_SEC = 10 * 60;

/** Who a refresh token is for: the participant's identity, profile and current grants. */
export interface RefreshSubject {
  identity: string;
  name: string;
  metadata: string;
  attributes: Record<string, string>;
  permission: ParticipantPermission;
}

/**
 * A token with the participant's current grants, sent as `refresh_token` after a permission
 * change as livekit-server does, so a client that rejoins (full reconnect) keeps what it was
 * granted instead of what its first token said. Signed with the key of the admin who changed it.
 */
export function refreshTokenFor(p: RefreshSubject, room: string, apiKey: string, keys: ReadonlyMap<string, string>): string | undefined {
  const secret = keys.get(apiKey);
  if (!secret) return undefined;
  const perm = p.permission;
  const video: VideoGrant = {
    room,
    roomJoin: true,
    canPublish: perm.canPublish,
    canSubscribe: perm.canSubscribe,
    canPublishData: perm.canPublishData,
    canPublishSources: sourceNames(perm.canPublishSources),
    canUpdateOwnMetadata: perm.canUpdateMetadata,
    hidden: perm.hidden,
    recorder: perm.recorder,
    agent: perm.agent,
  };
  return signToken(
    { sub: p.identity, name: p.name, metadata: p.metadata, attributes: p.attributes, video },
    apiKey,
    secret,
    REFRESH_TTL_SEC,
  );
}

/** Extracts a bearer token from an Authorization header value. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  return m?.[1];
}
