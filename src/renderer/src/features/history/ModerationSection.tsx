import { MODERATION_LOG_PREVIEW, type StreamDetail } from '../../../../shared/domain/history';
import { formatDuration } from '../../components/format';
import { AuditTable, type AuditTableLook } from '../moderation/AuditTable';
import { ExportButtons } from './ExportButtons';

const HISTORY_LOOK: AuditTableLook = {
  className: 'history-table hist-log',
  ariaLabel: 'Moderation log',
  actorHeading: 'By',
  actionClass: 'hist-action-name',
};

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
          <AuditTable
            rows={moderation.log.map((entry) => ({
              key: entry.id,
              time: formatDuration(entry.createdAt - stream.startedAt),
              actor: entry.actor,
              action: entry.action.replace(/_/g, ' '),
              target: entry.targetIdentity ?? '—',
              reason: entry.reason ?? '—',
            }))}
            look={HISTORY_LOOK}
          />
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
