import { useEffect, useRef } from 'react';
import { useStudio } from '../../store';
import { selectCreatedInvite, selectInvitesOpen } from '../../store/selectors/stage';
import { CreatedInvite } from './CreatedInvite';
import { InviteForm } from './InviteForm';
import { InviteList } from './InviteList';
import { useNow } from '../../hooks/useNow';

/** The invites panel: create a link (with a QR code for phones), see every invite, revoke. */
export function InvitesDialog() {
  const open = useStudio(selectInvitesOpen);
  const created = useStudio(selectCreatedInvite);
  const dialog = useRef<HTMLDialogElement>(null);
  // Expiry times are relative ("in 59 min"), so they follow the clock.
  const now = useNow(15_000);
  const close = () => useStudio.getState().setInvitesOpen(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      void useStudio.getState().loadInvites();
    }
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="invites-dialog" aria-labelledby="invites-title" onClose={close}>
      <header>
        <h2 id="invites-title">Invite guests</h2>
        <button type="button" onClick={close}>
          Close
        </button>
      </header>
      <div className="invites-body">
        <div className="invites-create">
          <InviteForm />
          {created && <CreatedInvite created={created} />}
        </div>
        <div className="invites-list">
          <h3>Invites</h3>
          <InviteList now={now} />
        </div>
      </div>
    </dialog>
  );
}
