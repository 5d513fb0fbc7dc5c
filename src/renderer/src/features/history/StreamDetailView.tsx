import { useState } from 'react';
import { formatDate } from '../../components/format';
import { useStudio } from '../../store';
import {
  selectCloseStream,
  selectDeleteStream,
  selectDetail,
  selectDetailError,
  selectHistoryDetailId,
  selectOpenStream,
} from '../../store/selectors/history';
import { ChatRateChart } from './charts/ChatRateChart';
import { RetentionChart } from './charts/RetentionChart';
import { ViewersChart } from './charts/ViewersChart';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { GuestsSection } from './GuestsSection';
import { ModerationSection } from './ModerationSection';
import { DestinationsSection } from './DestinationsSection';
import { RecordingsSection } from './RecordingsSection';
import { StatGrid } from './StatGrid';
import { TranscriptPanel } from './TranscriptPanel';
import { StreamBadges } from './StreamBadges';

/** One past stream: its numbers, charts, guests, moderation and chat transcript. */
export function StreamDetailView() {
  const detail = useStudio(selectDetail);
  const error = useStudio(selectDetailError);
  const detailId = useStudio(selectHistoryDetailId);
  const closeStream = useStudio(selectCloseStream);
  const openStream = useStudio(selectOpenStream);
  const deleteStream = useStudio(selectDeleteStream);
  const [confirming, setConfirming] = useState(false);

  const back = (
    <button type="button" className="hist-back" onClick={closeStream}>
      ← Back to history
    </button>
  );
  if (error) {
    return (
      <section className="page history" aria-label="Stream detail">
        {back}
        <div className="banner banner-error" role="alert">
          Could not load this stream: {error.message}{' '}
          <button type="button" onClick={() => detailId && void openStream(detailId)}>
            Retry
          </button>
        </div>
      </section>
    );
  }
  if (!detail) {
    return (
      <section className="page history" aria-label="Stream detail">
        {back}
        <p role="status">Loading stream…</p>
      </section>
    );
  }
  const { stream } = detail;
  return (
    <section className="page history hist-detail" aria-labelledby="hist-detail-title">
      {back}
      <header className="hist-detail-header">
        <div>
          <h1 id="hist-detail-title">{stream.title}</h1>
          <p className="hint">
            {formatDate(stream.startedAt)}
            <StreamBadges stream={stream} />
          </p>
        </div>
        <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={stream.status === 'live'}>
          Delete stream
        </button>
      </header>
      <StatGrid detail={detail} />
      <ViewersChart detail={detail} />
      <div className="hist-charts">
        <ChatRateChart detail={detail} />
        <RetentionChart detail={detail} />
      </div>
      <RecordingsSection detail={detail} />
      <DestinationsSection detail={detail} />
      <GuestsSection detail={detail} />
      <ModerationSection detail={detail} />
      <TranscriptPanel startedAt={stream.startedAt} />
      {confirming && (
        <ConfirmDeleteDialog
          title={stream.title}
          onConfirm={async () => (await deleteStream(stream.id))?.message ?? null}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
