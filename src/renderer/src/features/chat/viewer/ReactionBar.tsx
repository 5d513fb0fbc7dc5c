import { REACTIONS, type Reaction } from '../../../../../shared/domain/chat';
import { REACTION_EMOJI, REACTION_LABEL } from './reactionBursts';

/** The reaction buttons under the viewer chat. */
export function ReactionBar({ onReact, disabled }: { onReact: (reaction: Reaction) => void; disabled: boolean }) {
  return (
    <div className="vchat-reactions" role="group" aria-label="React">
      {REACTIONS.map((reaction) => (
        <button
          key={reaction}
          type="button"
          className="vchat-reaction"
          onClick={() => onReact(reaction)}
          disabled={disabled}
          aria-label={`React: ${REACTION_LABEL[reaction]}`}
          title={REACTION_LABEL[reaction]}
        >
          <span aria-hidden="true">{REACTION_EMOJI[reaction]}</span>
        </button>
      ))}
    </div>
  );
}
