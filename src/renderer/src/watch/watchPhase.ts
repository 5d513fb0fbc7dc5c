import { assertNever } from '../../../shared/result';
import type { ViewerDisconnectReason } from '../livekit/viewerTypes';

/** Why a stream is over for this viewer. */
export type EndReason = 'host_ended' | 'removed' | 'elsewhere';

/**
 * What the viewer page shows as a whole. Only 'live' and 'reconnecting' render the program;
 * 'ended' is terminal until the viewer asks to check again.
 */
export type WatchPhase =
  | { kind: 'checking' }
  | { kind: 'waiting' }
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'reconnecting' }
  | { kind: 'ended'; reason: EndReason }
  | { kind: 'unavailable'; message: string };

/**
 * Everything that moves the page between phases: token answers, pushes from the page events
 * socket and room events. 'token.waiting' means "the server says nothing is live", whether a
 * token answer or a push said it.
 */
export type WatchEvent =
  | { type: 'token.waiting' }
  | { type: 'stream.ended' }
  | { type: 'token.live' }
  | { type: 'token.failed'; message: string }
  | { type: 'room.connected' }
  | { type: 'room.reconnecting' }
  | { type: 'room.reconnected' }
  | { type: 'room.disconnected'; reason: ViewerDisconnectReason }
  | { type: 'restart' };

const END_REASONS: Record<Exclude<ViewerDisconnectReason, 'lost'>, EndReason> = {
  room_deleted: 'host_ended',
  removed: 'removed',
  duplicate_identity: 'elsewhere',
};

/** True while the viewer has (or just had) a room: the program stays on screen. */
export function hasRoom(phase: WatchPhase): boolean {
  return phase.kind === 'live' || phase.kind === 'reconnecting';
}

/**
 * The page's state machine. Pure, so every transition is unit-tested; the controller feeds it
 * and performs the side effects (polling, connecting) the new phase calls for.
 */
export function nextPhase(phase: WatchPhase, event: WatchEvent): WatchPhase {
  // Nothing but an explicit restart leaves 'ended': a late token answer or room event must not
  // bring back a stream the host closed.
  if (phase.kind === 'ended' && event.type !== 'restart') return phase;
  switch (event.type) {
    case 'token.waiting':
      // Losing the room and then hearing "nothing is live" means the stream ended meanwhile.
      return phase.kind === 'reconnecting' ? { kind: 'ended', reason: 'host_ended' } : { kind: 'waiting' };
    case 'token.live':
      return phase.kind === 'reconnecting' ? phase : { kind: 'connecting' };
    case 'stream.ended':
      // The host ended the stream this page was joining or watching; a page that never had it
      // simply goes on waiting.
      return hasRoom(phase) || phase.kind === 'connecting' ? { kind: 'ended', reason: 'host_ended' } : { kind: 'waiting' };
    case 'token.failed':
      return phase.kind === 'reconnecting' ? phase : { kind: 'unavailable', message: event.message };
    case 'room.connected':
    case 'room.reconnected':
      return { kind: 'live' };
    case 'room.reconnecting':
      return hasRoom(phase) ? { kind: 'reconnecting' } : phase;
    case 'room.disconnected':
      if (event.reason !== 'lost') return { kind: 'ended', reason: END_REASONS[event.reason] };
      // A first connect that fails keeps saying "connecting"; a room we had says "reconnecting".
      return hasRoom(phase) ? { kind: 'reconnecting' } : { kind: 'connecting' };
    case 'restart':
      return { kind: 'checking' };
    default:
      return assertNever(event);
  }
}
