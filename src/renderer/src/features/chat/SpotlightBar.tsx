import type { ChatMessage } from '../../../../shared/domain/chat';
import { ChatText } from './ChatText';

export interface SpotlightBarProps {
  pinned: ChatMessage | null;
  highlight: ChatMessage | null;
  /** Omitted for read-only views; otherwise clears the pin or the highlight. */
  onUnpin?: () => void;
  onClearHighlight?: () => void;
}

/** The pinned message and the message on the program, above the chat list. */
export function SpotlightBar({ pinned, highlight, onUnpin, onClearHighlight }: SpotlightBarProps) {
  if (!pinned && !highlight) return null;
  return (
    <div className="chat-spotlight">
      {pinned && (
        <section className="spotlight spotlight--pinned" aria-label="Pinned message">
          <p>
            <span className="spotlight-label">Pinned</span> <strong>{pinned.sender.name}</strong> <ChatText text={pinned.text} />
          </p>
          {onUnpin && (
            <button type="button" className="icon-button" onClick={onUnpin} aria-label="Unpin message">
              ×
            </button>
          )}
        </section>
      )}
      {highlight && (
        <section className="spotlight spotlight--program" aria-label="Message on the program">
          <p>
            <span className="spotlight-label">On program</span> <strong>{highlight.sender.name}</strong> <ChatText text={highlight.text} />
          </p>
          {onClearHighlight && (
            <button type="button" className="icon-button" onClick={onClearHighlight} aria-label="Remove message from the program">
              ×
            </button>
          )}
        </section>
      )}
    </div>
  );
}
