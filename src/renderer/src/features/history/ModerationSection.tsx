import { MODERATION_LOG_PREVIEW, type StreamDetail } from '../../../../shared/domain/history';
import { formatDuration } from '../../components/format';
import { ExportButtons } from './ExportButtons';

/** What moderators did during the stream: counts by action, the log itself, and its export. */
export function ModerationSection(props: { detail: StreamDetail }) {
  const { moderation, stream } = props.detail;
  return (
    <section className="card" aria-labelledby="hist-moderation-title">
      <h2 id="hist-moderation-title">Moderation</h2>
      {moderation.total === 0 ? (
        <p className="hint">No moderation actions were taken.</p>
      ) : (
        <>
          <ul className="hist-actions" aria-label="Moderation actions by kind">
            {moderation.byAction.map((row) => (
              <li key={row.action}>
                <span className="hist-action-name">{row.action.replace(/_/g, ' ')}</span> <strong>{row.count}</strong>
              </li>
            ))}
          </ul>
          <table className="history-table hist-log" aria-label="Moderation log">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">By</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {moderation.log.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDuration(entry.createdAt - stream.startedAt)}</td>
                  <td>{entry.actor}</td>
                  <td className="hist-action-name">{entry.action.replace(/_/g, ' ')}</td>
                  <td>{entry.targetIdentity ?? '—'}</td>
                  <td>{entry.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {moderation.total > MODERATION_LOG_PREVIEW && (
            <p className="hint">
              Showing the first {MODERATION_LOG_PREVIEW} of {moderation.total} actions; export the log for all of them.
            </p>
          )}
        </>
      )}
      <ExportButtons streamId={stream.id} />
    </section>
  );
}
