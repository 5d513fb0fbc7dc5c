import type { ReactNode } from 'react';
import type { ChatMessage } from '../../../../shared/domain/chat';
import { ChatText } from './ChatText';
import { RoleBadge } from './RoleBadge';

export interface ChatRowProps {
  message: ChatMessage;
  /** A marker that this message is pinned or on the program. */
  marks?: { pinned?: boolean; highlighted?: boolean };
  /** Buttons at the end of the row (the action menu, or "report" for viewers). */
  actions?: ReactNode;
}

// One formatter for every row: building one per call (toLocaleTimeString with options) costs
// milliseconds, which a 50 msg/s flood turns into dropped frames.
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function timeOf(at: number): string {
  return TIME.format(at);
}

/** One chat message: time, role badge, name and text. Presentational; used by every chat list. */
export function ChatRow({ message, marks, actions }: ChatRowProps) {
  const { sender } = message;
  return (
    <div className={`chat-row${marks?.highlighted ? ' chat-row--highlighted' : ''}`}>
      <time className="chat-time" dateTime={new Date(message.createdAt).toISOString()}>
        {timeOf(message.createdAt)}
      </time>
      <p className="chat-body">
        <RoleBadge role={sender.role} />
        <span className={`chat-name chat-name--${sender.role}`}>{sender.name}</span>
        {marks?.pinned && (
          <span className="chat-mark" title="Pinned">
            Pinned
          </span>
        )}
        {marks?.highlighted && (
          <span className="chat-mark chat-mark--program" title="Shown on the program">
            On program
          </span>
        )}{' '}
        <ChatText text={message.text} />
      </p>
      {actions && <div className="chat-row-actions">{actions}</div>}
    </div>
  );
}
