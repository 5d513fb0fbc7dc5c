import { useMemo } from 'react';
import type { AuditEntry } from '../../../../shared/domain/chat';
import { EmptyState } from '../../components/EmptyState';
import { useStudio } from '../../store';
import { selectAudit, selectQueue } from '../../store/selectors/moderation';
import { selectChatMessages } from '../../store/selectors/chat';
import { AuditTable, type AuditRow, type AuditTableLook } from './AuditTable';
import { actorLabel, AUDIT_LABEL } from './describe';

function detailOf(entry: AuditEntry): string | null {
  const details = entry.details ?? {};
  if (entry.action === 'timeout' && typeof details.minutes === 'number') return `${details.minutes} min`;
  if (entry.action === 'ban' && typeof details.scope === 'string') return details.scope === 'always' ? 'all streams' : 'this stream';
  if ((entry.action === 'approve' || entry.action === 'reject') && typeof details.kind === 'string') return details.kind.replace('_', ' ');
  return null;
}

const LIVE_LOOK: AuditTableLook = {
  caption: 'Moderation audit log, newest first',
  actorHeading: 'Actor',
  targetClass: 'audit-target',
  reasonClass: 'audit-reason',
};

/** One entry as the live log shows it: clock time, and target identities by name when known. */
function liveRow(entry: AuditEntry, names: ReadonlyMap<string, string>): AuditRow {
  const detail = detailOf(entry);
  return {
    key: entry.id,
    time: (
      <time dateTime={new Date(entry.createdAt).toISOString()}>
        {new Date(entry.createdAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
      </time>
    ),
    actor: actorLabel(entry.actor),
    action: (
      <>
        {AUDIT_LABEL[entry.action]}
        {detail && <span className="audit-detail"> · {detail}</span>}
      </>
    ),
    target: entry.targetIdentity ? (names.get(entry.targetIdentity) ?? actorLabel(entry.targetIdentity)) : '—',
    reason: entry.reason ?? '—',
  };
}

/**
 * The audit log of the live stream, newest first: who did what to whom, why and when. Target
 * identities are shown by name when the chat or the queue knows it.
 */
export function AuditLog() {
  const entries = useStudio(selectAudit);
  const messages = useStudio(selectChatMessages);
  const queue = useStudio(selectQueue);
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const message of messages) map.set(message.sender.identity, message.sender.name);
    for (const item of queue) map.set(item.subject.identity, item.subject.name);
    return map;
  }, [messages, queue]);
  const rows = useMemo(() => entries.map((entry) => liveRow(entry, names)), [entries, names]);

  if (entries.length === 0) {
    return (
      <EmptyState title="No moderation yet" icon="≡">
        Every approval, deletion, timeout, ban and rule change is recorded here.
      </EmptyState>
    );
  }
  return (
    <div className="audit-log">
      <AuditTable rows={rows} look={LIVE_LOOK} />
    </div>
  );
}
