import { forwardRef } from 'react';
import type { ModerationItem } from '../../../../shared/domain/chat';
import { ChatText } from '../chat/ChatText';
import { KIND_LABEL, reasonLabel } from './describe';

export interface QueueItemCardProps {
  item: ModerationItem;
  selected: boolean;
  onSelect: () => void;
  onDecide: (decision: 'approve' | 'reject') => void;
}

const APPROVE_LABEL: Record<ModerationItem['kind'], string> = {
  held_message: 'Approve',
  report: 'Delete message',
  stage_request: 'Let on stage',
};
const REJECT_LABEL: Record<ModerationItem['kind'], string> = { held_message: 'Reject', report: 'Dismiss', stage_request: 'Refuse' };

function age(createdAt: number): string {
  const seconds = Math.max(0, Math.round((Date.now() - createdAt) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  return `${Math.round(seconds / 60)} min ago`;
}

/**
 * One queue item: what it is, who it is about, the message and why it is here, and its two
 * decisions. Focusable (roving tabindex): the selected item is the one keys act on.
 */
export const QueueItemCard = forwardRef<HTMLLIElement, QueueItemCardProps>(function QueueItemCard(
  { item, selected, onSelect, onDecide },
  ref,
) {
  const who = item.subject.name;
  const kind = KIND_LABEL[item.kind];
  return (
    <li
      ref={ref}
      id={`queue-item-${item.id}`}
      className={`queue-item queue-item--${item.kind}${selected ? ' selected' : ''}`}
      tabIndex={selected ? 0 : -1}
      aria-current={selected ? 'true' : undefined}
      aria-label={`${kind} from ${who}`}
      onFocus={onSelect}
      onClick={onSelect}
    >
      <div className="queue-item-head">
        <span className={`queue-kind queue-kind--${item.kind}`}>{kind}</span>
        <strong className="queue-who">{who}</strong>
        {item.kind === 'report' && item.reportCount > 1 && <span className="queue-count">{item.reportCount} reports</span>}
        <span className="queue-age">{age(item.createdAt)}</span>
      </div>
      {item.message && (
        <p className="queue-text">
          <ChatText text={item.message.text} />
        </p>
      )}
      {item.reason && <p className="queue-reason">{item.kind === 'stage_request' ? `“${item.reason}”` : reasonLabel(item.reason)}</p>}
      <div className="queue-actions">
        <button
          type="button"
          className="primary"
          aria-label={`${APPROVE_LABEL[item.kind]}: ${kind.toLowerCase()} from ${who}`}
          onClick={() => onDecide('approve')}
        >
          {APPROVE_LABEL[item.kind]} <kbd>a</kbd>
        </button>
        <button
          type="button"
          aria-label={`${REJECT_LABEL[item.kind]}: ${kind.toLowerCase()} from ${who}`}
          onClick={() => onDecide('reject')}
        >
          {REJECT_LABEL[item.kind]} <kbd>r</kbd>
        </button>
      </div>
    </li>
  );
});
