import type { GateOptions } from '../server/connectionLimits';

/*
 * Every limit and interval of chat, in one place. The rules a host can change (rate limit, slow
 * mode, message length) live in `ChatRules`; these are the ones the server fixes.
 */

/** Enough for a room of people behind one NAT and a chatter's tabs; not enough to hoard sockets. */
export const CHAT_GATE: GateOptions = { maxPerAddress: 50, maxPerIdentity: 10, upgradeBurst: 30, upgradesPerSecond: 2 };

/** A slow consumer is cut off from broadcasts past this many queued bytes (tests may lower it). */
export const BROADCAST_BUFFER_LIMIT = 1024 * 1024;
/** Past this many queued bytes a client gets no more direct frames (welcome, acks, errors) either. */
export const DIRECT_FRAME_BUFFER_LIMIT = 1024 * 1024;

/** Reactions one client may send per window; more are refused with `rate_limited`. */
export const REACTIONS_PER_WINDOW = 10;
export const REACTION_WINDOW_MS = 1000;
/** How often aggregated reaction counts are broadcast. */
export const REACTION_FLUSH_MS = 250;

/** Longest a write waits for company before its batch commits. */
export const WRITE_DELAY_MS = 10;
/** A batch this large commits at once. */
export const MAX_WRITE_BATCH = 500;

/** How far back the repeated-text rule looks, and how many texts it remembers. */
export const REPEAT_WINDOW_MS = 60_000;
export const REPEAT_MEMORY = 3;
/** How often senders idle for longer than `SENDER_IDLE_MS` are forgotten. */
export const SENDER_SWEEP_MS = 60_000;
export const SENDER_IDLE_MS = 10 * 60_000;

/** Random bytes in a message or queue item id (16 characters of base64url). */
export const CHAT_ID_BYTES = 12;
/** A display name from a token is cut to this many characters. */
export const MAX_NAME_LENGTH = 64;
/** Longest client `ref` echoed back on an error about an unreadable frame. */
export const MAX_REF_LENGTH = 64;
/** How much of an unknown frame type is quoted back in the error. */
export const QUOTED_TYPE_LENGTH = 40;
