import type { CSSProperties } from 'react';
import { useViewerChat } from './viewerChatStore';
import { REACTION_EMOJI } from './reactionBursts';

/**
 * Reactions from everyone, floating up over the chat. Decorative (hidden from screen readers);
 * the CSS animation is switched off for people who ask for reduced motion.
 */
export function ReactionLayer() {
  const particles = useViewerChat((s) => s.particles);
  return (
    <div className="vchat-particles" aria-hidden="true">
      {particles.map((particle) => (
        <span
          key={particle.id}
          className="vchat-particle"
          style={{ left: `${particle.x * 100}%`, animationDelay: `${particle.delay}ms` } as CSSProperties}
        >
          {REACTION_EMOJI[particle.reaction]}
        </span>
      ))}
    </div>
  );
}
