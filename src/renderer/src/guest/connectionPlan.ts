import type { GuestSessionResponse } from '../../../shared/contract/httpRoutes';
import type { GuestState } from '../../../shared/domain/stage';

/** What the page's LiveKit connection currently holds. */
export interface HeldConnection {
  connected: boolean;
  /** The publish grant of the token the connection was opened with; null when not connected. */
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
 * Decides whether the guest's room connection still matches what the server says. LiveKit fixes
 * a participant's grants at connect, so a change of grant (approved onto the stage, moved back)
 * means a new connection with the new token; no token (nothing live, or removed) means leave.
 */
export function planConnection(session: Pick<GuestSessionResponse, 'state' | 'livekit'>, held: HeldConnection): ConnectionAction {
  const ticket = session.livekit;
  const stayOut = held.removedWhile !== null && held.removedWhile === session.state;
  if (!ticket || session.state === 'removed' || stayOut) return held.connected ? 'disconnect' : 'keep';
  if (!held.connected) return 'connect';
  if (held.canPublish !== ticket.canPublish || held.roomName !== ticket.roomName) return 'connect';
  return 'keep';
}

/** On stage with a publishing connection: camera and mic should be going out. */
export function shouldPublish(session: Pick<GuestSessionResponse, 'state' | 'livekit'>, held: HeldConnection): boolean {
  return session.state === 'stage' && held.connected && held.canPublish === true && session.livekit?.canPublish === true;
}
