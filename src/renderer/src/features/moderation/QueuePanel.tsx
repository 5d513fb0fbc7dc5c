import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useStudio } from '../../store';
import { QueueItemCard } from './QueueItemCard';
import { intentOfKey, reconcileSelection, triage, type TriageCommand } from './triage';

/**
 * The moderation queue: held messages, reports and stage requests in one list, oldest first,
 * triaged by keyboard (j/k move, a approve, r reject, d delete, t timeout, b ban) or with the
 * buttons on each item. Results are announced through the studio's live region.
 */
export function QueuePanel() {
  const queue = useStudio((s) => s.queue);
  const streamId = useStudio((s) => s.chatStreamId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [previous, setPrevious] = useState(queue);
  const listRef = useRef<HTMLOListElement>(null);
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  /**
   * Whether the keyboard is in the list. A decided item leaves the DOM with focus in it, which
   * fires no blur: this remembers that focus was here so it can move on to the next item.
   */
  const focusInList = useRef(false);

  // Keep the selection on a real item as the queue changes (adjusting state during render).
  if (previous !== queue) {
    setPrevious(queue);
    setSelectedId(reconcileSelection(previous, queue, selectedId));
  }
  const current = selectedId ?? queue[0]?.id ?? null;

  // When the list holds focus, focus follows the selection (e.g. to the next item after a decision).
  useEffect(() => {
    if (!current || !focusInList.current) return;
    const element = itemRefs.current.get(current);
    if (element && document.activeElement !== element && !element.contains(document.activeElement)) element.focus();
    element?.scrollIntoView({ block: 'nearest' });
  }, [current, queue]);

  const execute = (command: TriageCommand) => {
    const s = useStudio.getState();
    switch (command.type) {
      case 'decide':
        return void s.decide(command.item, command.decision);
      case 'timeout':
      case 'ban': {
        const { identity, name } = command.item.subject;
        const action =
          command.type === 'timeout'
            ? ({ type: 'timeout', identity, name, minutes: command.minutes } as const)
            : ({ type: 'ban', identity, name, scope: 'stream' } as const);
        return void s.moderate(action).then((ok) => (ok ? s.decide(command.item, command.then) : false));
      }
      case 'explain':
        return s.announce(command.message);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const intent = intentOfKey(event);
    if (!intent) return;
    event.preventDefault();
    const result = triage(queue, current, intent);
    setSelectedId(result.selectedId);
    if (result.selectedId) itemRefs.current.get(result.selectedId)?.focus();
    if (result.command) execute(result.command);
  };

  if (!streamId) {
    return (
      <EmptyState title="Nothing to review" icon="✓">
        Held messages, reports and stage requests land here while you are live.
      </EmptyState>
    );
  }
  return (
    <div className="queue-panel">
      <p className="hint queue-keys" id="queue-keys">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> approve · <kbd>r</kbd> reject · <kbd>d</kbd> delete · <kbd>t</kbd> time out 5 min ·{' '}
        <kbd>b</kbd> ban
      </p>
      {queue.length === 0 ? (
        <EmptyState title="Queue is clear" icon="✓">
          New held messages, reports and stage requests appear here and are announced.
        </EmptyState>
      ) : (
        <ol
          ref={listRef}
          className="queue-list"
          aria-label="Moderation queue"
          aria-describedby="queue-keys"
          onKeyDown={onKeyDown}
          onFocus={() => (focusInList.current = true)}
          onBlur={(event) => {
            if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget as Node)) focusInList.current = false;
          }}
        >
          {queue.map((item) => (
            <QueueItemCard
              key={item.id}
              ref={(element) => {
                if (element) itemRefs.current.set(item.id, element);
                else itemRefs.current.delete(item.id);
              }}
              item={item}
              selected={item.id === current}
              onSelect={() => setSelectedId(item.id)}
              onDecide={(decision) => void useStudio.getState().decide(item, decision)}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
