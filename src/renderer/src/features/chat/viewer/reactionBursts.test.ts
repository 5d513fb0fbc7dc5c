import { describe, expect, it } from 'vitest';
import { addParticles, MAX_ALIVE, MAX_PER_FRAME, particlesFor } from './reactionBursts';

describe('reaction bursts', () => {
  const random = () => 0.5;

  it('gives each reaction a share of a bounded budget', () => {
    const particles = particlesFor({ heart: 900, fire: 100 }, 1, random);
    expect(particles).toHaveLength(MAX_PER_FRAME);
    expect(particles.filter((p) => p.reaction === 'heart').length).toBeGreaterThan(particles.filter((p) => p.reaction === 'fire').length);
    expect(particles.some((p) => p.reaction === 'fire')).toBe(true);
    expect(new Set(particles.map((p) => p.id)).size).toBe(particles.length);
  });

  it('shows small counts one for one and ignores unknown kinds', () => {
    expect(particlesFor({ clap: 2, nope: 5 }, 10, random).map((p) => [p.id, p.reaction])).toEqual([
      [10, 'clap'],
      [11, 'clap'],
    ]);
    expect(particlesFor({}, 1, random)).toEqual([]);
  });

  it('keeps at most MAX_ALIVE particles, dropping the oldest', () => {
    let alive = particlesFor({ heart: 100 }, 0, random);
    for (let i = 1; i < 10; i += 1) alive = addParticles(alive, particlesFor({ heart: 100 }, i * 100, random));
    expect(alive).toHaveLength(MAX_ALIVE);
    expect(alive.at(-1)!.id).toBe(900 + MAX_PER_FRAME - 1);
  });
});
