import './shortcuts.css';
import { useStudio } from '../../store';
import { selectQueueShortcuts, selectSetShortcutsOpen, selectShortcutsOpen } from '../../store/selectors/navigation';
import { SHORTCUT_GROUPS, type Shortcut } from './shortcuts';
import { useModalDialog } from '../../components/useModalDialog';

function Keys({ keys }: { keys: string[] }) {
  return (
    <>
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 && ' + '}
          <kbd>{key}</kbd>
        </span>
      ))}
    </>
  );
}

function KeyCell({ shortcut }: { shortcut: Shortcut }) {
  return (
    <td className="shortcut-keys">
      <Keys keys={shortcut.keys} />
      {shortcut.alternatives?.map((keys) => (
        <span key={keys.join('+')}>
          {' or '}
          <Keys keys={keys} />
        </span>
      ))}
    </td>
  );
}

/**
 * The list of keyboard shortcuts, opened with ? (in the queue, or anywhere when single-key
 * shortcuts are on) or the "Keyboard shortcuts" button. A modal dialog: Esc closes it and focus
 * returns to where it was.
 */
export function ShortcutsDialog() {
  const open = useStudio(selectShortcutsOpen);
  const setOpen = useStudio(selectSetShortcutsOpen);
  // Moderator sessions cannot read settings; their queue keys stay on (they act only in the queue).
  const singleKeys = useStudio(selectQueueShortcuts);
  const dialog = useModalDialog(open);
  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={() => setOpen(false)}>
      <header>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" onClick={() => setOpen(false)} autoFocus>
          Close
        </button>
      </header>
      {SHORTCUT_GROUPS.map((group) => (
        <table key={group.title} className="shortcuts-table">
          <caption>
            <strong>{group.title}</strong>
            <span className="hint">
              {group.scope}
              {group.singleKey && !singleKeys && '. Off: turn them on in Settings, General, Keyboard.'}
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {group.shortcuts.map((shortcut) => (
              <tr key={shortcut.action}>
                <KeyCell shortcut={shortcut} />
                <td>{shortcut.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </dialog>
  );
}
