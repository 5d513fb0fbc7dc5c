/** The participant attribute the viewer page sets; the host counts these to report the audience. */
export const ROLE_ATTRIBUTE = 'airdeck.role';

/**
 * How many participants in the room are viewers. Guests, co-hosts and tools carry other roles (or
 * none) and are not part of the audience figure.
 */
export function countViewers(participants: Iterable<{ attributes: Readonly<Record<string, string>> }>): number {
  let viewers = 0;
  for (const participant of participants) if (participant.attributes[ROLE_ATTRIBUTE] === 'viewer') viewers++;
  return viewers;
}
