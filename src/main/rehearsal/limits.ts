/**
 * Every limit, size and interval of the LiveKit-compatible server, in one place, so a reader sees
 * what the server tolerates and how often it acts without reading each file.
 */

import { DEFAULT_LIVEKIT_URL } from '../../shared/domain/settings';

/** Port livekit-server listens on in `--dev` mode, which the app's default LiveKit URL names. */
export const DEFAULT_PORT = Number(new URL(DEFAULT_LIVEKIT_URL).port);
/** Seconds an unused room (e.g. from CreateRoom) lives, as livekit-server's default. */
export const DEFAULT_EMPTY_TIMEOUT_SEC = 300;
/** Seconds a room lives after its last participant left, as livekit-server's default. */
export const DEFAULT_DEPARTURE_TIMEOUT_SEC = 20;

/** Largest signal WebSocket frame accepted (an offer with many sections stays far below). */
export const MAX_SIGNAL_FRAME_BYTES = 4 * 1024 * 1024;
/** Largest request header block: tokens travel in the query string and can be long. */
export const MAX_HEADER_BYTES = 64 * 1024;
/** Largest Twirp request body. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long browsers may cache a CORS preflight answer. */
export const CORS_MAX_AGE_SEC = 600;

/** Seconds the client waits for a pong before it gives the connection up, and its ping interval. */
export const PING_TIMEOUT_SEC = 15;
export const PING_INTERVAL_SEC = 5;

/** If a published track sends no media at all (e.g. published muted), announce it anyway after this. */
export const PUBLISH_WITHOUT_MEDIA_MS = 3000;
/** Subscriptions made within this window share one MediaSectionsRequirement (one renegotiation). */
export const MEDIA_SECTIONS_BATCH_MS = 20;

/** SendData nonces are 16 bytes; this many are remembered for de-duplication before the set restarts. */
export const SEND_DATA_NONCE_BYTES = 16;
export const SEEN_NONCES_LIMIT = 10_000;

/** A webhook delivery that takes longer than this is given up (the next event must not wait). */
export const WEBHOOK_TIMEOUT_MS = 5000;
/** Lifetime of the token signing one webhook body. */
export const WEBHOOK_TOKEN_TTL_SEC = 300;

/** How long the app waits for something to answer on the rehearsal port before it starts its own server. */
export const PORT_PROBE_TIMEOUT_MS = 1000;
/** How long the rehearsal worker may take to disconnect everyone before it is terminated. */
export const WORKER_CLOSE_GRACE_MS = 3000;
