/** Runtime configuration shared by every part of the dev server. */
export interface ServerConfig {
  /** API key → secret. */
  keys: ReadonlyMap<string, string>;
  webhookUrls: readonly string[];
  /** Seconds a room created without participants (e.g. by CreateRoom) stays open. */
  emptyTimeoutSec: number;
  /** Seconds a room stays open after its last participant left. */
  departureTimeoutSec: number;
  /** Extra ICE host addresses werift advertises (127.0.0.1 for loopback-only browsers). */
  iceHostAddresses: string[];
}

/** Version reported in JoinResponse.serverInfo; must be > 1.8.2 (see README). */
export const SERVER_VERSION = '1.13.5';
/** Signal protocol version of livekit-server 1.13.x. */
export const SERVER_PROTOCOL = 16;
