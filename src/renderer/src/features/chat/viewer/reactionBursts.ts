import { REACTIONS, type Reaction } from '../../../../../shared/domain/chat';

/**
 * Turns aggregated reaction counts (one frame every ~250 ms) into a bounded number of floating
 * particles: a thousand hearts in one frame must not become a thousand DOM nodes.
 */

export const REACTION_EMOJI: Record<Reaction, string> = { heart: '❤️', laugh: '😂', clap: '👏', fire: '🔥', wow: '😮', sad: '😢' };
export const REACTION_LABEL: Record<Reaction, string> = {
  heart: 'Love',
  laugh: 'Laugh',
  clap: 'Applause',
  fire: 'Fire',
  wow: 'Wow',
  sad: 'Sad',
};

export interface Particle {
  id: number;
  reaction: Reaction;
  /** Horizontal start, 0–1 of the layer's width. */
  x: number;
  /** Animation delay in ms, so a burst does not rise as one block. */
  delay: number;
}

/** Particles one frame may add, and most alive at once. */
export const MAX_PER_FRAME = 12;
export const MAX_ALIVE = 40;
/** How long a particle floats (the CSS animation's duration). */
export const PARTICLE_MS = 2_400;
/** Particles of one frame start spread over this long, so a burst does not rise as one block. */
const MAX_START_DELAY_MS = 300;

function isReaction(value: string): value is Reaction {
  return (REACTIONS as readonly string[]).includes(value);
}

/**
 * Particles for one counts frame: each reaction kind gets a share of the per-frame budget in
 * proportion to its count (at least one if it occurred), unknown kinds are ignored.
 */
export function particlesFor(counts: Record<string, number>, nextId: number, random: () => number = Math.random): Particle[] {
  const entries = Object.entries(counts).filter((entry): entry is [Reaction, number] => isReaction(entry[0]) && entry[1] > 0);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return [];
  const budget = Math.min(MAX_PER_FRAME, total);
  const particles: Particle[] = [];
  for (const [reaction, count] of entries) {
    const share = Math.max(1, Math.round((count / total) * budget));
    for (let i = 0; i < share && particles.length < MAX_PER_FRAME; i += 1) {
      particles.push({
        id: nextId + particles.length,
        reaction,
        x: 0.1 + random() * 0.8,
        delay: Math.floor(random() * MAX_START_DELAY_MS),
      });
    }
  }
  return particles;
}

/** The alive list after adding `fresh`: oldest dropped first beyond MAX_ALIVE. */
export function addParticles(alive: readonly Particle[], fresh: readonly Particle[]): Particle[] {
  const next = [...alive, ...fresh];
  return next.length > MAX_ALIVE ? next.slice(next.length - MAX_ALIVE) : next;
}
