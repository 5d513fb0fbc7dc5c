import { useState, type FormEvent } from 'react';
import { useStudio } from '../../store';
import {
  selectNextTranscriptPage,
  selectPreviousTranscriptPage,
  selectSearchTranscript,
  selectTranscript,
} from '../../store/selectors/history';
import { formatDuration } from '../../components/format';
import { TRANSCRIPT_PAGE_SIZE } from '../../store/historySlice';
import { messageMark } from './messageMarks';

/** The stream's chat with moderation marks, paged, with a search box that narrows it. */
export function TranscriptPanel(props: { startedAt: number }) {
  const transcript = useStudio(selectTranscript);
  const search = useStudio(selectSearchTranscript);
  const next = useStudio(selectNextTranscriptPage);
  const previous = useStudio(selectPreviousTranscriptPage);
  const [query, setQuery] = useState(transcript.query);
  const page = transcript.page;
  const firstIndex = transcript.previous.length * TRANSCRIPT_PAGE_SIZE;

  function submit(event: FormEvent) {
    event.preventDefault();
    void search(query);
  }

  return (
    <section className="card hist-transcript" aria-labelledby="hist-transcript-title">
      <h2 id="hist-transcript-title">Chat transcript</h2>
      <form className="hist-search-row" role="search" onSubmit={submit}>
        <input
          type="search"
          aria-label="Search this chat"
          placeholder="Whole words; add * for a prefix"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit">Search</button>
        {transcript.query && (
          <button
            type="button"
            onClick={() => {
              setQuery('');
              void search('');
            }}
          >
            Clear
          </button>
        )}
      </form>
      {transcript.error && (
        <p className="form-error" role="alert">
          Could not load the transcript: {transcript.error.message}
        </p>
      )}
      <p className="hint" role="status">
        {page === null
          ? 'Loading…'
          : page.total === 0
            ? transcript.query
              ? `No message matches “${transcript.query}”.`
              : 'Nobody wrote in the chat.'
            : `Messages ${firstIndex + 1}–${firstIndex + page.items.length} of ${page.total}${transcript.query ? ` matching “${transcript.query}”` : ''}`}
      </p>
      {page && page.items.length > 0 && (
        <ol className="hist-messages" aria-label="Messages">
          {page.items.map((message) => {
            const mark = messageMark(message);
            return (
              <li key={message.id} className={`hist-message status-${message.status}`}>
                <span className="hist-message-time">{formatDuration(message.createdAt - props.startedAt)}</span>
                <span className="hist-message-sender">{message.sender.name}</span>
                <span className="hist-message-text">{message.text}</span>
                {mark && <span className={`hist-mark ${mark.tone}`}>{mark.text}</span>}
              </li>
            );
          })}
        </ol>
      )}
      <div className="hist-pager">
        <button type="button" onClick={() => void previous()} disabled={transcript.loading || transcript.previous.length === 0}>
          Previous page
        </button>
        <button type="button" onClick={() => void next()} disabled={transcript.loading || !page?.nextCursor}>
          Next page
        </button>
      </div>
    </section>
  );
}
