/**
 * Default names for viewers who have not picked one: distinct and friendly ("Curious Otter 17"),
 * so the queue and the chat tell people apart ("Held message from Curious Otter 17", not "from
 * Viewer" for everyone). Derived from the identity, so a viewer keeps theirs across reconnects.
 */
// Word lists read as a table, a dozen to a line.
// prettier-ignore
const ADJECTIVES = [
  'Amber', 'Brave', 'Bright', 'Calm', 'Clever', 'Cosmic', 'Curious', 'Daring', 'Eager', 'Gentle', 'Golden', 'Happy',
  'Jolly', 'Kind', 'Lucky', 'Mellow', 'Nimble', 'Quiet', 'Rapid', 'Silver', 'Sunny', 'Swift', 'Witty', 'Zesty',
] as const;
// prettier-ignore
const ANIMALS = [
  'Badger', 'Beaver', 'Crane', 'Dolphin', 'Falcon', 'Fox', 'Gecko', 'Heron', 'Koala', 'Lemur', 'Lynx', 'Marten',
  'Narwhal', 'Otter', 'Owl', 'Panda', 'Puffin', 'Quokka', 'Raven', 'Seal', 'Sparrow', 'Tiger', 'Walrus', 'Wombat',
] as const;

/** FNV-1a: a small, stable string hash (no crypto needed: the name is cosmetic, not a secret). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function friendlyViewerName(identity: string): string {
  const h = hash(identity);
  const adjective = ADJECTIVES[h % ADJECTIVES.length]!;
  const animal = ANIMALS[Math.floor(h / ADJECTIVES.length) % ANIMALS.length]!;
  const number = (Math.floor(h / (ADJECTIVES.length * ANIMALS.length)) % 90) + 10;
  return `${adjective} ${animal} ${number}`;
}
