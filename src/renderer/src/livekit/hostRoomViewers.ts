/** The participant attribute the viewer page sets; the host counts these to report the audience. */
import { ROLE_ATTRIBUTE } from './participantSnapshot';

export { ROLE_ATTRIBUTE };

/**
 * How many participants in the room are viewers. Guests, co-hosts and tools carry other roles (or
 * none) and are not part of the audience figure.
 */
export function countViewers(participants: Iterable<{ attributes: Readonly<Record<string, string>> }>): number {
  let viewers = 0;
  for (const participant of participants) if (participant.attributes[ROLE_ATTRIBUTE] === 'viewer') viewers++;
  return viewers;
}
