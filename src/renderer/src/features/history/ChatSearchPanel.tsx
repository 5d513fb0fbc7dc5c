import { useState, type FormEvent } from 'react';
import { formatDate } from '../../components/format';
import { useStudio } from '../../store';
import { selectChatSearch, selectOpenStream, selectSearchAllChat } from '../../store/selectors/history';
import { messageMark } from './messageMarks';

/** Full-text search over the chat of every stream; a hit opens its stream with the same search. */
export function ChatSearchPanel() {
  const search = useStudio(selectChatSearch);
  const run = useStudio(selectSearchAllChat);
  const openStream = useStudio(selectOpenStream);
  const [query, setQuery] = useState(search.query);
  const result = search.result;

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(query);
  }

  return (
    <section className="card hist-chat-search" aria-labelledby="hist-chat-search-title">
      <h2 id="hist-chat-search-title">Search all chat</h2>
      <form className="hist-search-row" role="search" onSubmit={submit}>
        <input
          type="search"
          aria-label="Search chat in every stream"
          placeholder="Whole words; add * for a prefix, e.g. pric*"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" disabled={search.loading}>
          Search chat
        </button>
      </form>
      {search.error && (
        <p className="form-error" role="alert">
          {search.error.message}
        </p>
      )}
      <p className="hint" role="status">
        {result === null
          ? ''
          : result.total === 0
            ? `No message matches “${search.query}”.`
            : `${result.total}${result.totalCapped ? '+' : ''} messages match “${search.query}”`}
      </p>
      {result && result.hits.length > 0 && (
        <ol className="hist-messages" aria-label="Matching messages">
          {result.hits.map(({ message, stream }) => {
            const mark = messageMark(message);
            return (
              <li key={message.id} className={`hist-message status-${message.status}`}>
                <button
                  type="button"
                  className="hist-open"
                  onClick={() => void openStream(stream.id, search.query)}
                  aria-label={`Open ${stream.title} at this message`}
                >
                  {stream.title}
                </button>
                <span className="hist-message-time">{formatDate(message.createdAt)}</span>
                <span className="hist-message-sender">{message.sender.name}</span>
                <span className="hist-message-text">{message.text}</span>
                {mark && <span className={`hist-mark ${mark.tone}`}>{mark.text}</span>}
              </li>
            );
          })}
        </ol>
      )}
      {result?.nextCursor && (
        <button type="button" onClick={() => void run(search.query, true)} disabled={search.loading}>
          More results
        </button>
      )}
    </section>
  );
}
