import { useState, type FormEvent } from 'react';
import { useStudio } from '../../store';
import { selectCreateModeratorLink } from '../../store/selectors/moderation';

type State =
  | { kind: 'closed' }
  | { kind: 'open' }
  | { kind: 'busy' }
  | { kind: 'done'; url: string; copied: boolean }
  | { kind: 'failed'; message: string };

/**
 * Creates a co-moderator link (moderation actions only: no settings, cannot end the stream) and
 * copies it. The link is also shown, since a browser may refuse clipboard access.
 */
export function ModeratorLinkButton() {
  const create = useStudio(selectCreateModeratorLink);
  const [state, setState] = useState<State>({ kind: 'closed' });
  const [label, setLabel] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'busy' });
    const result = await create(label.trim() || 'Moderator');
    if (!result.ok) {
      setState({ kind: 'failed', message: result.error.message });
      return;
    }
    const copied = await navigator.clipboard?.writeText(result.url).then(
      () => true,
      () => false,
    );
    setState({ kind: 'done', url: result.url, copied: copied === true });
  };

  if (state.kind === 'closed') {
    return (
      <button type="button" className="moderator-link-button" onClick={() => setState({ kind: 'open' })}>
        Invite a moderator
      </button>
    );
  }
  return (
    <div className="moderator-link">
      {state.kind === 'done' ? (
        <>
          <label>
            Moderator link
            <input type="text" readOnly value={state.url} onFocus={(event) => event.target.select()} />
          </label>
          <p className="hint" role="status">
            {state.copied ? 'Copied. ' : 'Copy it from the box. '}The link works once: the first browser to open it can moderate for 24
            hours, until Airdeck restarts, or until you revoke it under Moderators.
          </p>
          <button type="button" onClick={() => setState({ kind: 'closed' })}>
            Done
          </button>
        </>
      ) : (
        <form onSubmit={submit}>
          <label>
            Moderator name
            <input
              type="text"
              value={label}
              maxLength={40}
              onChange={(event) => setLabel(event.target.value)}
              placeholder="e.g. Sam"
              autoFocus
            />
          </label>
          <div className="moderator-link-actions">
            <button type="submit" className="primary" disabled={state.kind === 'busy'}>
              Create and copy link
            </button>
            <button type="button" onClick={() => setState({ kind: 'closed' })}>
              Cancel
            </button>
          </div>
          {state.kind === 'failed' && (
            <p className="form-error" role="alert">
              {state.message}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
