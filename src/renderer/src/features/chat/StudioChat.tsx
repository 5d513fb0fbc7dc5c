import { memo, useCallback, useState } from 'react';
import type { ChatMessage } from '../../../../shared/domain/chat';
import { useStudio } from '../../store';
import { selectChatHighlight, selectChatMessages, selectChatPinned, selectChatStatus, selectSendChat } from '../../store/selectors/chat';
import { selectModerate } from '../../store/selectors/moderation';
import { ChatComposer } from './ChatComposer';
import { ChatRow } from './ChatRow';
import { MessageActionsMenu, type MessageMenuTarget } from './MessageActionsMenu';
import { PauseChatBar, usePausedChat } from './PauseChat';
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
  const messages = useStudio(selectChatMessages);
  const status = useStudio(selectChatStatus);
  const pinned = useStudio(selectChatPinned);
  const highlight = useStudio(selectChatHighlight);
  const moderate = useStudio(selectModerate);
  const sendChat = useStudio(selectSendChat);
  const [menu, setMenu] = useState<MessageMenuTarget | null>(null);
  const paused = usePausedChat(messages);
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
      <PauseChatBar chat={paused} />
      <VirtualChatList
        messages={paused.shown}
        quiet={paused.paused}
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
