import type { StreamDetail } from '../../../../shared/domain/history';
import { formatDuration } from '../../components/format';
import { formatAverage } from './chartData';
import { formatClock, formatDay } from './timeFormat';

/** The headline numbers of a stream as a description list (term → value). */
export function StatGrid(props: { detail: StreamDetail }) {
  const { stream, viewers, chat, moderation } = props.detail;
  const stats: { term: string; value: string; note?: string }[] = [
    { term: 'Started', value: formatClock(stream.startedAt), note: formatDay(stream.startedAt) },
    stream.endedAt === null
      ? { term: 'Ended', value: 'Still live' }
      : { term: 'Ended', value: formatClock(stream.endedAt), note: formatDay(stream.endedAt) },
    { term: 'Duration', value: formatDuration(stream.durationMs) },
    { term: 'Peak viewers', value: String(viewers.peak) },
    { term: 'Average viewers', value: formatAverage(viewers.average) },
    {
      term: 'Unique viewers',
      value: viewers.unique === null ? '—' : String(viewers.unique),
      note: viewers.unique === null ? 'No viewer joins were recorded' : undefined,
    },
    { term: 'Total watch time', value: formatDuration(viewers.totalWatchMs) },
    {
      term: 'Chat messages',
      value: String(chat.total),
      note: `${chat.held} held, ${chat.rejected} rejected, ${chat.deleted} deleted${chat.pending > 0 ? `, ${chat.pending} never reviewed` : ''}`,
    },
    { term: 'Moderation actions', value: String(moderation.total) },
  ];
  return (
    <dl className="hist-stats" aria-label="Stream numbers">
      {stats.map((stat) => (
        <div key={stat.term} className="hist-stat">
          <dt>{stat.term}</dt>
          <dd>
            {stat.value}
            {stat.note && <span className="hist-stat-note">{stat.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
