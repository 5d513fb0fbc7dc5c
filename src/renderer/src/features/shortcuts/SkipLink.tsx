import './shortcuts.css';
import type { MouseEvent } from 'react';
import { useStudio } from '../../store';

/**
 * "Skip to moderation queue": the first thing Tab reaches, hidden until focused. The queue sits
 * behind the stage and a tab of the dock; a keyboard moderator gets there in one key press.
 * A link (to #moderation-queue) so screen readers list it with the page's links.
 */
export function SkipLink({ onSkip }: { onSkip?: () => void }) {
  const activate = (event: MouseEvent) => {
    event.preventDefault();
    onSkip?.();
    useStudio.getState().focusQueue();
  };
  return (
    <a className="skip-link" href="#moderation-queue" onClick={activate}>
      Skip to moderation queue
    </a>
  );
}
