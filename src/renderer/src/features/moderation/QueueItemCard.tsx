import { forwardRef } from 'react';
import type { ModerationItem } from '../../../../shared/domain/chat';
import { ChatText } from '../chat/ChatText';
import { KIND_LABEL, reasonLabel } from './describe';
import { removingDecision, type TriageIntent } from './triage';

export interface QueueItemCardProps {
  item: ModerationItem;
  selected: boolean;
  /** Show key hints and expose aria-keyshortcuts (single-key shortcuts are on). */
  keys: boolean;
  onSelect: () => void;
  /** A button was pressed: the same intents as the keys, so both paths do the same thing. */
  onIntent: (intent: TriageIntent) => void;
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

interface ActionProps {
  label: string;
  /** Keys that do the same; d doubles a decision (see triage.ts), so a button may have two. */
  shortcuts: string[];
  keys: boolean;
  about: string;
  primary?: boolean;
  onPress: () => void;
}

/**
 * One action button. Its name is the visible label followed by the item it acts on, so the
 * visible label starts the name (WCAG 2.5.3) and every item's buttons differ. The key hint sits
 * beside the button, visible but outside its name, and is announced as aria-keyshortcuts.
 */
function Action({ label, shortcuts, keys, about, primary, onPress }: ActionProps) {
  return (
    <span className="queue-action">
      <button
        type="button"
        className={primary ? 'primary' : undefined}
        aria-label={`${label}: ${about}`}
        aria-keyshortcuts={keys ? shortcuts.join(' ') : undefined}
        onClick={onPress}
      >
        {label}
      </button>
      {keys && (
        <span className="queue-action-keys" aria-hidden="true">
          {shortcuts.map((key) => (
            <kbd key={key}>{key}</kbd>
          ))}
        </span>
      )}
    </span>
  );
}

/**
 * One queue item: what it is, who it is about, the message and why it is here, and its actions.
 * Focusable (roving tabindex): the selected item is the one keys act on.
 */
export const QueueItemCard = forwardRef<HTMLLIElement, QueueItemCardProps>(function QueueItemCard(
  { item, selected, keys, onSelect, onIntent },
  ref,
) {
  const who = item.subject.name;
  const kind = KIND_LABEL[item.kind];
  const about = `${kind.toLowerCase()} from ${who}`;
  // d removes the content: the same as reject for a held message, as uphold for a report.
  const deleteKey = item.kind === 'stage_request' ? null : removingDecision(item);
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
        <Action
          primary
          label={APPROVE_LABEL[item.kind]}
          shortcuts={deleteKey === 'approve' ? ['a', 'd'] : ['a']}
          keys={keys}
          about={about}
          onPress={() => onIntent('approve')}
        />
        <Action
          label={REJECT_LABEL[item.kind]}
          shortcuts={deleteKey === 'reject' ? ['r', 'd'] : ['r']}
          keys={keys}
          about={about}
          onPress={() => onIntent('reject')}
        />
        <Action label="Time out 5 min" shortcuts={['t']} keys={keys} about={about} onPress={() => onIntent('timeout')} />
        <Action label="Ban" shortcuts={['b']} keys={keys} about={about} onPress={() => onIntent('ban')} />
      </div>
    </li>
  );
});
