import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { formatDate, formatDuration } from '../../components/format';
import { useStudio } from '../../store';

/** Every past stream, newest first, with paging. */
export function HistoryPage() {
  const streams = useStudio((state) => state.streams);
  const total = useStudio((state) => state.historyTotal);
  const loading = useStudio((state) => state.historyLoading);
  const loaded = useStudio((state) => state.historyLoaded);
  const error = useStudio((state) => state.historyError);
  const cursor = useStudio((state) => state.historyCursor);
  const loadHistory = useStudio((state) => state.loadHistory);
  const loadMore = useStudio((state) => state.loadMoreHistory);
  const connection = useStudio((state) => state.connection);

  useEffect(() => {
    if (connection === 'open') void loadHistory();
  }, [connection, loadHistory]);

  return (
    <section className="page history" aria-labelledby="history-heading">
      <h1 id="history-heading">History</h1>
      {error && (
        <div className="banner banner-error" role="alert">
          Could not load history: {error.message} <button type="button" onClick={() => void loadHistory()}>Retry</button>
        </div>
      )}
      {!loaded && loading && <p role="status">Loading history…</p>}
      {loaded && streams.length === 0 && (
        <EmptyState title="No streams yet" icon="▶">
          Every stream you run is recorded here with its viewers, chat and guests — all kept on this computer.
        </EmptyState>
      )}
      {streams.length > 0 && (
        <>
          <p className="hint">{total === 1 ? '1 stream' : `${total} streams`}</p>
          <table className="history-table" aria-label="Past streams">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Date</th>
                <th scope="col">Duration</th>
                <th scope="col">Peak viewers</th>
              </tr>
            </thead>
            <tbody>
              {streams.map((stream) => (
                <tr key={stream.id}>
                  <td>
                    {stream.title}
                    {stream.status === 'live' && <span className="badge live">Live</span>}
                    {stream.tags.length > 0 && <span className="tags">{stream.tags.map((tag) => `#${tag}`).join(' ')}</span>}
                  </td>
                  <td>{formatDate(stream.startedAt)}</td>
                  <td>{formatDuration(stream.durationMs)}</td>
                  <td>{stream.peakViewers}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {cursor && (
            <button type="button" onClick={() => void loadMore()} disabled={loading}>
              {loading ? 'Loading…' : 'Load older streams'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
