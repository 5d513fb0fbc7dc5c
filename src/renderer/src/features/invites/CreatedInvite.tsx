import { useState } from 'react';
import type { CreatedInvite as Created } from '../../../../shared/domain/stage';
import { InviteQr } from './InviteQr';
import { inviteName } from './inviteFormat';

/** The new invite's link — shown once (only its hash is stored) — with copy and a QR code. */
export function CreatedInvite(props: { created: Created }) {
  const { invite, link } = props.created;
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="created-invite" role="region" aria-label="New invite">
      <InviteQr key={link} link={link} />
      <div className="created-invite-body">
        <p className="created-invite-title">
          {invite.role === 'moderator' ? 'Co-moderator' : 'Guest'} invite “{inviteName(invite)}” is ready. Copy the link now: it is shown
          only once.
        </p>
        <input className="invite-link" readOnly value={link} aria-label="Invite link" onFocus={(e) => e.currentTarget.select()} />
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => void copy()}>
            Copy link
          </button>
          <span role="status" className={copied === 'failed' ? 'form-error' : 'form-ok'}>
            {copied === 'copied' ? 'Copied.' : copied === 'failed' ? 'Could not copy; select the link and copy it.' : ''}
          </span>
        </div>
      </div>
    </div>
  );
}
