import { memo, useCallback, useMemo, useState } from 'react';
import type { ChatMessage } from '../../../../shared/domain/chat';
import { useStudio } from '../../store';
import { ChatComposer } from './ChatComposer';
import { ChatRow } from './ChatRow';
import { MessageActionsMenu, type MessageMenuTarget } from './MessageActionsMenu';
import { SpotlightBar } from './SpotlightBar';
import { VirtualChatList } from './VirtualChatList';

interface StudioMessageProps {
  message: ChatMessage;
  pinned: boolean;
  highlighted: boolean;
  onMenu: (message: ChatMessage, trigger: HTMLElement) => void;
}

/** A row with its menu button; memoized, so a new message re-renders only the new row. */
const StudioMessage = memo(function StudioMessage({ message, pinned, highlighted, onMenu }: StudioMessageProps) {
  return (
    <ChatRow
      message={message}
      marks={{ pinned, highlighted }}
      actions={
        <button
          type="button"
          className="icon-button chat-more"
          aria-haspopup="menu"
          aria-label={`Actions for the message from ${message.sender.name}`}
          onClick={(event) => onMenu(message, event.currentTarget)}
        >
          ⋯
        </button>
      }
    />
  );
});

/**
 * Chat for the host and co-moderators: pinned and highlighted message, the virtualized list with
 * a moderation menu on every message, and a box to post as the host or moderator.
 */
export function StudioChat() {
  const messages = useStudio((s) => s.chatMessages);
  const status = useStudio((s) => s.chatStatus);
  const pinned = useStudio((s) => s.chatPinned);
  const highlight = useStudio((s) => s.chatHighlight);
  const moderate = useStudio((s) => s.moderate);
  const sendChat = useStudio((s) => s.sendChat);
  const [menu, setMenu] = useState<MessageMenuTarget | null>(null);
  /**
   * Paused at this sequence number: the list shows nothing newer, so it neither scrolls nor
   * speaks until resumed (WCAG 2.2.2). Deletions still apply to what is shown.
   */
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const shown = useMemo(() => (pausedAt === null ? messages : messages.filter((m) => m.seq <= pausedAt)), [messages, pausedAt]);
  const held = messages.length - shown.length;
  const closeMenu = useCallback(() => setMenu(null), []);

  const openMenu = useCallback((message: ChatMessage, trigger: HTMLElement) => {
    setMenu((open) => (open?.message.id === message.id ? null : { message, trigger }));
  }, []);
  const renderMessage = useCallback(
    (message: ChatMessage) => (
      <StudioMessage message={message} pinned={pinned?.id === message.id} highlighted={highlight?.id === message.id} onMenu={openMenu} />
    ),
    [pinned, highlight, openMenu],
  );

  const live = status === 'ready';
  return (
    <div className="studio-chat">
      <SpotlightBar
        pinned={pinned}
        highlight={highlight}
        onUnpin={() => void moderate({ type: 'pin', messageId: null })}
        onClearHighlight={() => void moderate({ type: 'highlight', messageId: null })}
      />
      <div className="chat-toolbar">
        <button
          type="button"
          className="chat-pause"
          aria-pressed={pausedAt !== null}
          onClick={() => setPausedAt((at) => (at === null ? (messages.at(-1)?.seq ?? 0) : null))}
        >
          <span aria-hidden="true">{pausedAt === null ? '❚❚' : '▶'}</span> Pause chat
        </button>
        <span className="hint" role="status">
          {pausedAt === null ? '' : held === 0 ? 'Chat paused.' : `Chat paused: ${held} new ${held === 1 ? 'message' : 'messages'} waiting.`}
        </span>
      </div>
      <VirtualChatList
        messages={shown}
        quiet={pausedAt !== null}
        renderMessage={renderMessage}
        label="Chat messages"
        empty={
          status === 'loading'
            ? 'Loading chat…'
            : live
              ? 'No messages yet. Viewers chat from the watch page.'
              : 'Chat opens when you go live.'
        }
      />
      {menu && (
        <MessageActionsMenu
          target={menu}
          pinned={pinned?.id === menu.message.id}
          highlighted={highlight?.id === menu.message.id}
          onAction={(action) => void moderate(action)}
          onClose={closeMenu}
        />
      )}
      <ChatComposer
        placeholder={live ? 'Say something to your viewers' : 'Chat opens when you go live'}
        disabled={!live}
        onSend={async (text) => (await sendChat(text))?.message ?? null}
      />
    </div>
  );
}
