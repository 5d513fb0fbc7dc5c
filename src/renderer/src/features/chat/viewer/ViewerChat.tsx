import { memo, useCallback, useEffect, useState } from 'react';
import { SECOND_MS, useNow } from '../../../hooks/useNow';
import type { ChatMessage } from '../../../../../shared/domain/chat';
import { ChatComposer } from '../ChatComposer';
import { ChatRow } from '../ChatRow';
import { SpotlightBar } from '../SpotlightBar';
import { PauseChatBar, usePausedChat } from '../PauseChat';
import { VirtualChatList } from '../VirtualChatList';
import { sendBlocker } from './chatTiming';
import { NameEditor } from './NameEditor';
import { ReactionBar } from './ReactionBar';
import { ReactionLayer } from './ReactionLayer';
import { ReportForm } from './ReportForm';
import { viewerChat } from './viewerChatController';
import { useViewerChat } from './viewerChatStore';
import './viewerChat.css';

export interface ViewerChatProps {
  /** The stream is on air: connect while true, disconnect when it turns false. */
  live: boolean;
}

const STATUS_TEXT = {
  idle: 'Offline',
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Reconnecting…',
  closed: 'Closed',
} as const;

/** Whether something (a timeout or slow mode) still ends after `now`, so the countdown keeps ticking. */
function endsAfter(ends: readonly (number | null)[], now: number): boolean {
  return ends.some((end) => end !== null && end > now);
}

interface ViewerMessageProps {
  message: ChatMessage;
  pinned: boolean;
  canReport: boolean;
  onReport: (message: ChatMessage) => void;
}

/** A row with its report button; memoized, so a new message re-renders only the new row. */
const ViewerMessage = memo(function ViewerMessage({ message, pinned, canReport, onReport }: ViewerMessageProps) {
  return (
    <ChatRow
      message={message}
      marks={{ pinned }}
      actions={
        canReport ? (
          <button
            type="button"
            className="icon-button"
            aria-label={`Report the message from ${message.sender.name}`}
            title="Report"
            onClick={() => onReport(message)}
          >
            ⚑
          </button>
        ) : null
      }
    />
  );
});

/**
 * The viewer page's chat: messages (deletions, pins and highlights applied live), sending with
 * slow-mode and timeout notices, reactions that float up, and reporting a message. Self-contained:
 * its own store and chat connection, authenticated with the viewer's LiveKit token.
 */
export function ViewerChat({ live }: ViewerChatProps) {
  const status = useViewerChat((s) => s.status);
  const messages = useViewerChat((s) => s.messages);
  const paused = usePausedChat(messages);
  const pinned = useViewerChat((s) => s.pinned);
  const you = useViewerChat((s) => s.you);
  const notice = useViewerChat((s) => s.notice);
  const problem = useViewerChat((s) => s.problem);
  const gap = useViewerChat((s) => s.gap);
  const timedOutUntil = useViewerChat((s) => s.timedOutUntil);
  const nextSendAt = useViewerChat((s) => s.nextSendAt);
  const [reporting, setReporting] = useState<ChatMessage | null>(null);
  const [reported, setReported] = useState<string | null>(null);

  useEffect(() => {
    if (live) viewerChat.start();
    else viewerChat.stop();
  }, [live]);

  const now = useNow(SECOND_MS, (last) => endsAfter([timedOutUntil, nextSendAt], last));
  const blocker = sendBlocker({ timedOutUntil, nextSendAt }, now);
  const open = status === 'open';

  const youIdentity = you?.identity ?? null;
  const renderMessage = useCallback(
    (message: ChatMessage) => (
      <ViewerMessage
        message={message}
        pinned={pinned?.id === message.id}
        canReport={youIdentity !== null && message.sender.identity !== youIdentity}
        onReport={setReporting}
      />
    ),
    [pinned, youIdentity],
  );

  if (!live) {
    return (
      <div className="vchat vchat--offline">
        <h2 className="vchat-title">Chat</h2>
        <p className="vchat-empty">Chat opens when the stream is live.</p>
      </div>
    );
  }

  return (
    <div className="vchat">
      <div className="vchat-head">
        <h2 className="vchat-title">Chat</h2>
        <span className={`vchat-status vchat-status--${status}`} role="status">
          {STATUS_TEXT[status]}
        </span>
      </div>
      <SpotlightBar pinned={pinned} highlight={null} />
      {gap && <p className="vchat-gap">Some older messages were missed while you were away.</p>}
      <PauseChatBar chat={paused} />
      <div className="vchat-list">
        <VirtualChatList
          messages={paused.shown}
          quiet={paused.paused}
          renderMessage={renderMessage}
          label="Chat messages"
          empty={open ? 'No messages yet. Say hello!' : (problem ?? 'Connecting to chat…')}
        />
        <ReactionLayer />
      </div>
      {reporting && (
        <ReportForm
          message={reporting}
          onCancel={() => setReporting(null)}
          onReport={async (reason) => {
            const failure = await viewerChat.report(reporting.id, reason);
            if (!failure) {
              setReporting(null);
              setReported('Thanks — the moderators will take a look.');
            }
            return failure;
          }}
        />
      )}
      {reported && !reporting && (
        <p className="vchat-notice" role="status">
          {reported}
        </p>
      )}
      <ReactionBar onReact={(reaction) => viewerChat.react(reaction)} disabled={!open} />
      {you && <NameEditor name={you.name} onRename={(name) => viewerChat.rename(name)} />}
      <ChatComposer
        placeholder={open ? 'Send a message' : 'Connecting…'}
        disabled={!open || blocker !== null}
        notice={blocker ?? notice ?? (status === 'closed' || status === 'reconnecting' ? problem : null)}
        onSend={(text) => {
          setReported(null);
          return viewerChat.send(text);
        }}
      />
    </div>
  );
}
