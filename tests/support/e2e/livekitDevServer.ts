/**
 * Shared helpers for specs that need a LiveKit server: start the dev server in-process on a
 * free port and mint tokens for it with livekit-server-sdk.
 */
import { AccessToken, RoomServiceClient, type VideoGrant } from 'livekit-server-sdk';
import { startDevServer, type DevServer, type DevServerOptions } from '../../../src/main/rehearsal/index';

export const DEV_API_KEY = 'devkey';
export const DEV_API_SECRET = 'secret';

/** Starts the dev server on 127.0.0.1 and an ephemeral port with the devkey:secret pair. */
export async function startLiveKit(options: DevServerOptions = {}): Promise<DevServer> {
  return startDevServer({ port: 0, bind: '127.0.0.1', keys: { [DEV_API_KEY]: DEV_API_SECRET }, ...options });
}

/** Options for {@link liveKitToken}. */
export interface TokenOptions {
  identity: string;
  room: string;
  name?: string;
  metadata?: string;
  /** Extra grant fields, merged over `{roomJoin: true, room}`. */
  grant?: Partial<VideoGrant>;
  ttl?: string | number;
  apiKey?: string;
  apiSecret?: string;
}

/** Mints a join token like an app backend would. */
export async function liveKitToken(options: TokenOptions): Promise<string> {
  const at = new AccessToken(options.apiKey ?? DEV_API_KEY, options.apiSecret ?? DEV_API_SECRET, {
    identity: options.identity,
    name: options.name,
    metadata: options.metadata,
    ttl: options.ttl ?? '10m',
  });
  at.addGrant({ roomJoin: true, room: options.room, ...options.grant });
  return at.toJwt();
}

/** A RoomServiceClient pointed at the dev server. */
export function roomService(server: DevServer, apiKey = DEV_API_KEY, apiSecret = DEV_API_SECRET): RoomServiceClient {
  return new RoomServiceClient(server.httpUrl, apiKey, apiSecret);
}
