import type { ReactNode } from 'react';
import { RecordTable } from '../../components/RecordTable';

/** One line of a moderation log, already worded by the caller (live names, or the stored record). */
export interface AuditRow {
  key: string | number;
  time: ReactNode;
  actor: string;
  action: ReactNode;
  target: string;
  reason: string;
}

/** Cell classes and labels that differ between the live log and a past stream's log. */
export interface AuditTableLook {
  className?: string;
  /** Read by screen readers: a hidden caption, or a label when the table has a visible heading nearby. */
  caption?: string;
  ariaLabel?: string;
  actorHeading: string;
  actionClass?: string;
  targetClass?: string;
  reasonClass?: string;
}

/** The moderation log as a table (time, actor, action, target, reason), for the live dock and for history. */
export function AuditTable(props: { rows: readonly AuditRow[]; look: AuditTableLook }) {
  const { look } = props;
  return (
    <RecordTable
      className={look.className}
      caption={look.caption}
      ariaLabel={look.ariaLabel}
      headings={['Time', look.actorHeading, 'Action', 'Target', 'Reason']}
    >
      {props.rows.map((row) => (
        <tr key={row.key}>
          <td>{row.time}</td>
          <td>{row.actor}</td>
          <td className={look.actionClass}>{row.action}</td>
          <td className={look.targetClass}>{row.target}</td>
          <td className={look.reasonClass}>{row.reason}</td>
        </tr>
      ))}
    </RecordTable>
  );
}
