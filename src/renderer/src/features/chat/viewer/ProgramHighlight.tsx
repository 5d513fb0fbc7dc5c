import { ChatText } from '../ChatText';
import { RoleBadge } from '../RoleBadge';
import { useViewerChat } from './viewerChatStore';
import './viewerChat.css';

/**
 * The message the host highlighted, shown over the program on the viewer page (lower third).
 * Mount it inside the program area; it reads the viewer chat store and renders nothing when no
 * message is highlighted.
 */
export function ProgramHighlight() {
  const highlight = useViewerChat((s) => s.highlight);
  if (!highlight) return null;
  return (
    <div className="program-highlight" role="status" aria-label="Highlighted chat message">
      <p className="program-highlight-name">
        <RoleBadge role={highlight.sender.role} />
        {highlight.sender.name}
      </p>
      <p className="program-highlight-text">
        <ChatText text={highlight.text} />
      </p>
    </div>
  );
}
