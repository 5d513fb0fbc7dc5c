import { useEffect, useRef, useState } from 'react';

/**
 * Asks before a stream is deleted, as a modal dialog (focus moves into it; Escape cancels).
 * Stays open with the error if deleting fails.
 */
export function ConfirmDeleteDialog(props: { title: string; onConfirm: () => Promise<string | null>; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  async function confirm() {
    setBusy(true);
    const failure = await props.onConfirm();
    setBusy(false);
    if (failure) setError(failure);
    else props.onClose();
  }

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="hist-delete-title"
      aria-describedby="hist-delete-text"
      onClose={props.onClose}
    >
      <h2 id="hist-delete-title">Delete “{props.title}”?</h2>
      <p id="hist-delete-text">
        Its chat, viewer numbers, guests and moderation log are removed from this computer. This cannot be undone.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => void confirm()} disabled={busy}>
          {busy ? 'Deleting…' : 'Delete stream'}
        </button>
      </div>
    </dialog>
  );
}
