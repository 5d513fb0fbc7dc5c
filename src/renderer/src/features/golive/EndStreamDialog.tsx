import { useModalDialog } from '../../components/useModalDialog';

/** "End the stream for everyone?" — ending closes the room for every viewer and guest. */
export function EndStreamDialog(props: { open: boolean; ending: boolean; onConfirm(): void; onCancel(): void }) {
  const dialog = useModalDialog(props.open);
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="end-title" aria-describedby="end-body" onClose={props.onCancel}>
      <h2 id="end-title">End the stream?</h2>
      <p id="end-body">Everyone watching is disconnected and the stream is saved to History. This cannot be undone.</p>
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel} autoFocus>
          Keep streaming
        </button>
        <button type="button" className="danger" onClick={props.onConfirm} disabled={props.ending}>
          {props.ending ? 'Ending…' : 'End stream now'}
        </button>
      </div>
    </dialog>
  );
}
