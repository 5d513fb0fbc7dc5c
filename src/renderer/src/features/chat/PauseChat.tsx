import { useMemo, useState } from 'react';
import type { ChatMessage } from '../../../../shared/domain/chat';

export interface PausedChat {
  paused: boolean;
  /** What the list shows: everything, or (paused) nothing newer than the pause. */
  shown: readonly ChatMessage[];
  /** Messages held back by the pause. */
  held: number;
  toggle(): void;
}

/**
 * Pause for a moving chat (WCAG 2.2.2): paused at a sequence number, the list shows nothing
 * newer, so it neither scrolls nor speaks until resumed. Deletions still apply to what is shown.
 */
export function usePausedChat(messages: readonly ChatMessage[]): PausedChat {
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const shown = useMemo(() => (pausedAt === null ? messages : messages.filter((m) => m.seq <= pausedAt)), [messages, pausedAt]);
  return {
    paused: pausedAt !== null,
    shown,
    held: messages.length - shown.length,
    toggle: () => setPausedAt((at) => (at === null ? (messages.at(-1)?.seq ?? 0) : null)),
  };
}

/** The "Pause chat" toggle and what it is holding back, above a chat list. */
export function PauseChatBar({ chat }: { chat: PausedChat }) {
  return (
    <div className="chat-toolbar">
      <button type="button" className="chat-pause" aria-pressed={chat.paused} onClick={chat.toggle}>
        <span aria-hidden="true">{chat.paused ? '▶' : '❚❚'}</span> Pause chat
      </button>
      <span className="hint" role="status">
        {!chat.paused
          ? ''
          : chat.held === 0
            ? 'Chat paused.'
            : `Chat paused: ${chat.held} new ${chat.held === 1 ? 'message' : 'messages'} waiting.`}
      </span>
    </div>
  );
}
