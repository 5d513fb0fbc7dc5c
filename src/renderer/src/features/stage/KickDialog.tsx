import { useModalDialog } from '../../components/useModalDialog';

/** "Kick Ada?" — kicking removes the guest now and bans their link for the rest of the stream. */
export function KickDialog(props: { name: string | null; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const open = props.name !== null;
  const dialog = useModalDialog(open);
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="kick-title" aria-describedby="kick-body" onClose={props.onCancel}>
      <h2 id="kick-title">Kick {props.name}?</h2>
      <p id="kick-body">
        They leave the stream now, their invite link stops working, and they are banned from chat for the rest of this stream.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={props.onConfirm} disabled={props.busy}>
          {props.busy ? 'Kicking…' : 'Kick and ban'}
        </button>
      </div>
    </dialog>
  );
}
