import { useEffect, useRef } from 'react';

/**
 * Keeps a native <dialog> in step with `open`: shown modally (focus trapped, Esc closes, the rest of
 * the page inert) while open, closed otherwise. Returns the ref to put on the <dialog>.
 */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return dialog;
}
