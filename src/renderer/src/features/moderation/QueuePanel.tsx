import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useStudio } from '../../store';
import { selectChatStreamId } from '../../store/selectors/chat';
import { selectQueue } from '../../store/selectors/moderation';
import { selectQueueFocusPending, selectQueueShortcuts } from '../../store/selectors/navigation';
import { QueueItemCard } from './QueueItemCard';
import { intentOfKey, isHelpKey, reconcileSelection, triage, type TriageCommand, type TriageIntent } from './triage';

/**
 * The moderation queue: held messages, reports and stage requests in one list, oldest first,
 * triaged by keyboard (j/k move, a approve, r reject, d delete, t timeout, b ban, ? help) or with
 * the buttons on each item. The keys listen on the panel, so they act only while it has focus
 * (WCAG 2.1.4), and are off altogether when Settings says so (arrows still move). Results are
 * announced through the studio's live region.
 */
export function QueuePanel() {
  const queue = useStudio(selectQueue);
  const streamId = useStudio(selectChatStreamId);
  const singleKeys = useStudio(selectQueueShortcuts);
  const focusPending = useStudio(selectQueueFocusPending);
  const panelRef = useRef<HTMLDivElement>(null);
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

  // The skip link asked for the queue: focus the selected item, or the panel when there is none.
  useEffect(() => {
    if (!focusPending) return;
    useStudio.getState().queueFocused();
    const element = (current && itemRefs.current.get(current)) || panelRef.current;
    element?.focus();
  }, [focusPending, current]);

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

  const run = (selectedId: string | null, intent: TriageIntent) => {
    const result = triage(queue, selectedId, intent);
    setSelectedId(result.selectedId);
    if (result.selectedId) itemRefs.current.get(result.selectedId)?.focus();
    if (result.command) execute(result.command);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (singleKeys && isHelpKey(event)) {
      event.preventDefault();
      useStudio.getState().setShortcutsOpen(true);
      return;
    }
    const intent = intentOfKey(event, singleKeys);
    if (!intent) return;
    event.preventDefault();
    run(current, intent);
  };

  if (!streamId) {
    return (
      <div className="queue-panel" ref={panelRef} id="moderation-queue" tabIndex={-1} aria-label="Moderation queue">
        <EmptyState title="Nothing to review" icon="✓">
          Held messages, reports and stage requests land here while you are live.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="queue-panel" ref={panelRef} id="moderation-queue" tabIndex={-1} aria-label="Moderation queue" onKeyDown={onKeyDown}>
      {singleKeys ? (
        <p className="hint queue-keys" id="queue-keys">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> approve · <kbd>r</kbd> reject · <kbd>d</kbd> delete · <kbd>t</kbd> time out 5 min ·{' '}
          <kbd>b</kbd> ban · <kbd>?</kbd> all shortcuts
        </p>
      ) : (
        <p className="hint queue-keys" id="queue-keys">
          Single-key shortcuts are off (Settings). <kbd>↑</kbd>/<kbd>↓</kbd> move; Tab reaches each item's buttons.
        </p>
      )}
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
              keys={singleKeys}
              onSelect={() => setSelectedId(item.id)}
              onIntent={(intent) => run(item.id, intent)}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
