import type { Invite } from '../../../../shared/domain/stage';
import { useStudio } from '../../store';
import { expiryText, inviteName, statusText } from './inviteFormat';
import { selectInvites, selectIsBusy } from '../../store/selectors/stage';

/** Invites, newest first, with their state; an active one can be revoked (its guests are removed). */
export function InviteList(props: { now: number }) {
  const invites = useStudio(selectInvites);
  if (invites.length === 0) return <p className="hint">No invites yet.</p>;
  return (
    <table className="invite-table">
      <caption className="visually-hidden">Invites</caption>
      <thead>
        <tr>
          <th scope="col">Invite</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Uses</th>
          <th scope="col">Expires</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invites.map((invite) => (
          <InviteRow key={invite.id} invite={invite} now={props.now} />
        ))}
      </tbody>
    </table>
  );
}

function InviteRow(props: { invite: Invite; now: number }) {
  const { invite } = props;
  const busy = useStudio(selectIsBusy(invite.id));
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
            disabled={busy}
            onClick={() => void useStudio.getState().revokeInvite(invite.id)}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}
