import './shortcuts.css';
import { useStudio } from '../../store';

/** Opens the list of keyboard shortcuts; the visible way to the dialog that ? also opens. */
export function ShortcutsButton() {
  return (
    <button type="button" className="shortcuts-button" aria-haspopup="dialog" onClick={() => useStudio.getState().setShortcutsOpen(true)}>
      <span aria-hidden="true">⌨</span> Keyboard shortcuts
    </button>
  );
}
