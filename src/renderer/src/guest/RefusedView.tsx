import type { InviteRefusal } from '../../../shared/contract/httpRoutes';
import { BlockedIcon, LinkOffIcon } from '../icons';
import { refusalCopy } from './refusal';

/** The whole page when an invite cannot be used: why, and who can fix it. Nothing to click. */
export function RefusedView({ reason }: { reason: InviteRefusal }) {
  const copy = refusalCopy(reason);
  return (
    <section className="notice-card" aria-labelledby="refused-title">
      <span className="notice-mark notice-mark--off" aria-hidden="true">
        <LinkOffIcon />
      </span>
      <h1 id="refused-title">{copy.title}</h1>
      <p>{copy.body}</p>
    </section>
  );
}

export interface NoticeViewProps {
  title: string;
  body: string;
  tone?: 'calm' | 'off';
  action?: { label: string; onClick: () => void };
}

/** A full-page message: removed, unreachable, opened elsewhere. */
export function NoticeView({ title, body, tone = 'calm', action }: NoticeViewProps) {
  return (
    <section className="notice-card" aria-labelledby="notice-title">
      <span className={`notice-mark notice-mark--${tone}`} aria-hidden="true">
        {tone === 'off' && <BlockedIcon />}
      </span>
      <h1 id="notice-title">{title}</h1>
      <p>{body}</p>
      {action && (
        <button type="button" className="primary" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </section>
  );
}
