/** The participant attribute the viewer page sets; the host counts these to report the audience. */
import type { RoomViewer } from '../../../shared/contract/streamApi';
import { ROLE_ATTRIBUTE, VIEWER_ROLE } from '../../../shared/domain/roles';

/** The viewer behind a participant (identity and display name), or null for anyone else. */
export function viewerOf(participant: {
  identity: string;
  name?: string;
  attributes: Readonly<Record<string, string>>;
}): RoomViewer | null {
  return participant.attributes[ROLE_ATTRIBUTE] === VIEWER_ROLE ? { identity: participant.identity, name: participant.name ?? '' } : null;
}

/**
 * How many participants in the room are viewers. Guests, co-hosts and tools carry other roles (or
 * none) and are not part of the audience figure.
 */
export function countViewers(participants: Iterable<{ attributes: Readonly<Record<string, string>> }>): number {
  let viewers = 0;
  for (const participant of participants) if (participant.attributes[ROLE_ATTRIBUTE] === VIEWER_ROLE) viewers++;
  return viewers;
}
