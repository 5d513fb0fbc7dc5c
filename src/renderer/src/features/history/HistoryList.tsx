import { useState } from 'react';
import type { StreamRecord } from '../../../../shared/domain/stream';
import { RecordTable } from '../../components/RecordTable';
import { EmptyState } from '../../components/EmptyState';
import { formatDate, formatDuration } from '../../components/format';
import { useStudio } from '../../store';
import {
  selectDeleteStream,
  selectHistoryCursor,
  selectHistoryError,
  selectHistoryFilter,
  selectHistoryLoaded,
  selectHistoryLoading,
  selectHistoryTotal,
  selectLoadHistory,
  selectLoadMoreHistory,
  selectOpenStream,
  selectStreams,
} from '../../store/selectors/history';
import { formatAverage } from './chartData';
import { ChatSearchPanel } from './ChatSearchPanel';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { HistoryFilters } from './HistoryFilters';
import { StreamBadges } from './StreamBadges';

const STREAM_HEADINGS = ['Title', 'Date', 'Duration', 'Peak viewers', 'Average viewers'];

/** Every past stream, newest first: filter, page, open, delete; and search across all chat. */
export function HistoryList() {
  const streams = useStudio(selectStreams);
  const total = useStudio(selectHistoryTotal);
  const loading = useStudio(selectHistoryLoading);
  const loaded = useStudio(selectHistoryLoaded);
  const error = useStudio(selectHistoryError);
  const cursor = useStudio(selectHistoryCursor);
  const filter = useStudio(selectHistoryFilter);
  const loadHistory = useStudio(selectLoadHistory);
  const loadMore = useStudio(selectLoadMoreHistory);
  const openStream = useStudio(selectOpenStream);
  const deleteStream = useStudio(selectDeleteStream);
  const [deleting, setDeleting] = useState<StreamRecord | null>(null);
  const filtered = filter.search !== '' || filter.fromDay !== '' || filter.toDay !== '';

  return (
    <section className="page history" aria-labelledby="history-heading">
      <h1 id="history-heading">History</h1>
      {error && (
        <div className="banner banner-error" role="alert">
          Could not load history: {error.message}{' '}
          <button type="button" onClick={() => void loadHistory()}>
            Retry
          </button>
        </div>
      )}
      {!loaded && loading && <p role="status">Loading history…</p>}
      {loaded && streams.length === 0 && !filtered && (
        <EmptyState title="No streams yet" icon="▶">
          Every stream you run is recorded here with its viewers, chat and guests — all kept on this computer.
        </EmptyState>
      )}
      {loaded && (streams.length > 0 || filtered) && (
        <>
          <HistoryFilters />
          <p className="hint" role="status">
            {total === 1 ? '1 stream' : `${total} streams`}
            {filtered ? ' match' : ''}
          </p>
          {streams.length > 0 && (
            <RecordTable actions className="history-table" ariaLabel="Past streams" headings={STREAM_HEADINGS}>
              {streams.map((stream) => (
                <tr key={stream.id}>
                  <td>
                    <button
                      type="button"
                      className="hist-open"
                      onClick={() => void openStream(stream.id)}
                      aria-label={`Open ${stream.title}`}
                    >
                      {stream.title}
                    </button>
                    <StreamBadges stream={stream} />
                  </td>
                  <td>{formatDate(stream.startedAt)}</td>
                  <td>{formatDuration(stream.durationMs)}</td>
                  <td>{stream.peakViewers}</td>
                  <td>{stream.averageViewers === null ? '—' : formatAverage(stream.averageViewers)}</td>
                  <td className="hist-row-actions">
                    <button
                      type="button"
                      className="hist-delete"
                      onClick={() => setDeleting(stream)}
                      disabled={stream.status === 'live'}
                      aria-label={`Delete ${stream.title}`}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </RecordTable>
          )}
          {cursor && (
            <button type="button" onClick={() => void loadMore()} disabled={loading}>
              {loading ? 'Loading…' : 'Load older streams'}
            </button>
          )}
          <ChatSearchPanel />
        </>
      )}
      {deleting && (
        <ConfirmDeleteDialog
          title={deleting.title}
          onConfirm={async () => (await deleteStream(deleting.id))?.message ?? null}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
