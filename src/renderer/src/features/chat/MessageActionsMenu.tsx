import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { canModerate, type ChatMessage } from '../../../../shared/domain/chat';
import type { ModerationAction } from '../../store/state/moderation';

export interface MessageMenuTarget {
  message: ChatMessage;
  /** The button that opened the menu: the menu sits next to it and focus returns to it. */
  trigger: HTMLElement;
}

export interface MessageActionsMenuProps {
  target: MessageMenuTarget;
  pinned: boolean;
  highlighted: boolean;
  onAction: (action: ModerationAction) => void;
  onClose: () => void;
}

interface Item {
  label: string;
  action: ModerationAction;
  danger?: boolean;
  /** Draw a divider above this item. */
  group?: boolean;
}

function itemsFor(message: ChatMessage, pinned: boolean, highlighted: boolean): Item[] {
  const { id } = message;
  const { identity, name } = message.sender;
  const items: Item[] = [
    { label: pinned ? 'Unpin' : 'Pin', action: { type: 'pin', messageId: pinned ? null : id } },
    {
      label: highlighted ? 'Remove from program' : 'Highlight on program',
      action: { type: 'highlight', messageId: highlighted ? null : id },
    },
    { label: 'Delete message', action: { type: 'delete', messageId: id }, danger: true },
  ];
  // Hosts and moderators cannot be timed out or banned from chat.
  if (!canModerate(message.sender.role)) {
    items.push(
      { label: 'Time out 1 min', action: { type: 'timeout', identity, name, minutes: 1 }, group: true },
      { label: 'Time out 5 min', action: { type: 'timeout', identity, name, minutes: 5 } },
      { label: 'Time out 10 min', action: { type: 'timeout', identity, name, minutes: 10 } },
      { label: 'Ban from this stream', action: { type: 'ban', identity, name, scope: 'stream' }, danger: true, group: true },
      { label: 'Ban from all streams', action: { type: 'ban', identity, name, scope: 'always' }, danger: true },
    );
  }
  return items;
}

/**
 * The per-message moderation menu (WAI-ARIA menu button pattern): opens focused on its first item,
 * arrow keys move, Enter picks, Escape or a click outside closes and returns focus to the button.
 * Rendered once, outside the virtualized rows, at fixed coordinates so the list never clips it.
 */
export function MessageActionsMenu({ target, pinned, highlighted, onAction, onClose }: MessageActionsMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  const items = itemsFor(target.message, pinned, highlighted);
  const [position, setPosition] = useState<{ top: number; left: number }>({ top: 0, left: 0 });

  useLayoutEffect(() => {
    const rect = target.trigger.getBoundingClientRect();
    const height = menu.current?.offsetHeight ?? 0;
    const width = menu.current?.offsetWidth ?? 0;
    // Below the button when it fits, otherwise above; never past the window's edges.
    const below = rect.bottom + 4;
    const top = below + height > window.innerHeight - 8 ? Math.max(8, rect.top - height - 4) : below;
    const left = Math.min(Math.max(8, rect.right - width), window.innerWidth - width - 8);
    setPosition({ top, left });
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [target]);

  useEffect(() => {
    const close = (event: Event) => {
      if (menu.current?.contains(event.target as Node) || target.trigger.contains(event.target as Node)) return;
      onClose();
    };
    document.addEventListener('pointerdown', close, true);
    return () => document.removeEventListener('pointerdown', close, true);
  }, [onClose, target]);

  const closeAndRefocus = () => {
    onClose();
    target.trigger.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => buttons[(to + buttons.length) % buttons.length]?.focus();
    // Keys stop here, so the queue's single-letter shortcuts never fire inside the menu.
    event.stopPropagation();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        return move(index + 1);
      case 'ArrowUp':
        event.preventDefault();
        return move(index - 1);
      case 'Home':
        event.preventDefault();
        return move(0);
      case 'End':
        event.preventDefault();
        return move(buttons.length - 1);
      case 'Escape':
      case 'Tab':
        event.preventDefault();
        return closeAndRefocus();
    }
  };

  return (
    <div
      ref={menu}
      className="chat-menu"
      role="menu"
      aria-label={`Actions for the message from ${target.message.sender.name}`}
      style={{ top: position.top, left: position.left }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={`chat-menu-item${item.danger ? ' danger' : ''}${item.group ? ' group' : ''}`}
          onClick={() => {
            onAction(item.action);
            closeAndRefocus();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
