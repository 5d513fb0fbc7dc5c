import type { Invite } from '../../../../shared/domain/stage';
import { RecordTable } from '../../components/RecordTable';
import { useStudio } from '../../store';
import { selectInvites, selectRevokeInvite, selectStageBusy } from '../../store/selectors/stage';
import { expiryText, inviteName, statusText } from './inviteFormat';

const INVITE_HEADINGS = ['Invite', 'Role', 'Status', 'Uses', 'Expires'];

/** Invites, newest first, with their state; an active one can be revoked (its guests are removed). */
export function InviteList(props: { now: number }) {
  const invites = useStudio(selectInvites);
  const busy = useStudio(selectStageBusy);
  const revoke = useStudio(selectRevokeInvite);
  if (invites.length === 0) return <p className="hint">No invites yet.</p>;
  return (
    <RecordTable actions className="invite-table" caption="Invites" headings={INVITE_HEADINGS}>
      {invites.map((invite) => (
        <InviteRow
          key={invite.id}
          invite={invite}
          now={props.now}
          busy={busy[invite.id] === true}
          onRevoke={() => void revoke(invite.id)}
        />
      ))}
    </RecordTable>
  );
}

/** One invite; the list passes whether its revoke is in flight and what Revoke does. */
function InviteRow(props: { invite: Invite; now: number; busy: boolean; onRevoke: () => void }) {
  const { invite } = props;
  const name = inviteName(invite);
  return (
    <tr className={`invite-row ${invite.status}`}>
      <td>{name}</td>
      <td>{invite.role === 'moderator' ? 'Co-moderator' : 'Guest'}</td>
      <td>
        <span className={`invite-status ${invite.status}`}>{statusText(invite)}</span>
      </td>
      <td>
        {invite.uses}/{invite.maxUses}
      </td>
      <td>{invite.status === 'revoked' ? '—' : expiryText(invite.expiresAt, props.now)}</td>
      <td>
        {invite.status === 'active' && (
          <button
            type="button"
            className="danger small"
            aria-label={`Revoke invite ${name}`}
            disabled={props.busy}
            onClick={props.onRevoke}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}
