import { useState, type FormEvent } from 'react';
import { CHAT_MAX_LENGTH } from '../../../../shared/domain/chat';

export interface ChatComposerProps {
  /** Sends the text; resolves with an error message to show, or null when it went out. */
  onSend: (text: string) => Promise<string | null>;
  disabled?: boolean;
  /** Why sending is not possible right now (not live, timed out, slow mode). */
  notice?: string | null;
  placeholder: string;
  maxLength?: number;
}

/** The message box under a chat list: Enter sends, the text stays if sending fails. */
export function ChatComposer({ onSend, disabled, notice, placeholder, maxLength = CHAT_MAX_LENGTH }: ChatComposerProps) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value || sending) return;
    setSending(true);
    setError(null);
    const failure = await onSend(value);
    setSending(false);
    if (failure) setError(failure);
    else setText('');
  };

  const message = error ?? notice ?? null;
  return (
    <form className="chat-composer" onSubmit={submit} aria-label="Send a chat message">
      {message && (
        <p className={error ? 'chat-composer-note error' : 'chat-composer-note'} role="status">
          {message}
        </p>
      )}
      <div className="chat-composer-row">
        <input
          type="text"
          value={text}
          maxLength={maxLength}
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError(null);
          }}
          placeholder={placeholder}
          aria-label="Chat message"
          disabled={disabled}
          autoComplete="off"
        />
        <button type="submit" className="primary" disabled={disabled || sending || text.trim() === ''}>
          Send
        </button>
      </div>
    </form>
  );
}
