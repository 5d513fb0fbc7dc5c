import type { GuestSessionResponse } from '../../../shared/contract/httpRoutes';
import type { GuestState } from '../../../shared/domain/stage';

/** What the page's LiveKit connection currently holds. */
export interface HeldConnection {
  connected: boolean;
  /**
   * The publish grant the server holds for this participant right now (from the join, then from
   * every permission update); null when not connected.
   */
  canPublish: boolean | null;
  roomName: string | null;
  /**
   * The session state in which the server last removed us from the room. The server may drop
   * the participant a moment before the session says "removed"; until the state changes, a
   * fresh token must not bring us straight back in.
   */
  removedWhile: GuestState | null;
}

/** What to do with the connection after a session answer. */
export type ConnectionAction = 'keep' | 'connect' | 'disconnect';

/**
 * Decides whether the guest's room connection still matches what the server says. A change of
 * grant (approved onto the stage, moved back) is applied by the server to the connection we
 * hold (RoomService UpdateParticipant), so it never needs a new one: only joining a room, or a
 * different room, connects; no token (nothing live, or removed) means leave.
 */
export function planConnection(session: Pick<GuestSessionResponse, 'state' | 'livekit'>, held: HeldConnection): ConnectionAction {
  const ticket = session.livekit;
  const stayOut = held.removedWhile !== null && held.removedWhile === session.state;
  if (!ticket || session.state === 'removed' || stayOut) return held.connected ? 'disconnect' : 'keep';
  if (!held.connected || held.roomName !== ticket.roomName) return 'connect';
  return 'keep';
}

/**
 * On stage and the server lets this connection publish: camera and mic should be going out.
 * The session and the grant arrive on different channels, so both must agree.
 */
export function shouldPublish(session: Pick<GuestSessionResponse, 'state' | 'livekit'>, held: HeldConnection): boolean {
  return session.state === 'stage' && held.connected && held.canPublish === true && session.livekit?.canPublish === true;
}
