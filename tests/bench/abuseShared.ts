import { AccessToken } from 'livekit-server-sdk';

/** Messages between the abuse benchmark's processes. */
export type ServerToParent = { type: 'ready'; port: number; ownerToken: string; room: string };
export type LoadToParent =
  | { type: 'holding'; open: number; asked: number; addresses: number; refused: string; failed: number }
  | { type: 'stats'; open: number; junkSent: number; reconnects: number; refused: string; at: number };

/** A viewer chat token as the watch page gets one (the app's dev credentials). */
export async function viewerToken(room: string, identity: string): Promise<string> {
  const token = new AccessToken('devkey', 'secret', { identity, name: identity, ttl: 3600, attributes: { 'airdeck.role': 'viewer' } });
  token.addGrant({ room, roomJoin: true, canSubscribe: true });
  return token.toJwt();
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
