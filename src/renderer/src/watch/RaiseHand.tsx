import { useState, type FormEvent } from 'react';
import { HandIcon } from '../icons';
import type { HandState } from './watchStore';

export interface RaiseHandProps {
  hand: HandState;
  /** The viewer's chat name, offered as the name the host sees. */
  suggestedName: string;
  onRaise: (name: string) => void;
}

/**
 * "Raise hand" under the program: a viewer asks to come on stage. It asks for the name the host
 * will see, then the page moves on to the device check; the hand reaches the host's queue from
 * there, with the camera and microphone already known to work.
 */
export function RaiseHand({ hand, suggestedName, onRaise }: RaiseHandProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(suggestedName === 'Viewer' ? '' : suggestedName);
  const busy = hand.kind === 'sending' || hand.kind === 'sent';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onRaise(name.trim());
  };
  if (!open) {
    return (
      <div className="raise-hand">
        <p>Want to join the conversation?</p>
        <button type="button" onClick={() => setOpen(true)}>
          <HandIcon /> Raise hand
        </button>
      </div>
    );
  }
  return (
    <form className="raise-hand raise-hand--open" onSubmit={submit} aria-label="Raise your hand">
      <label className="raise-hand-name">
        <span>Your name on stage</span>
        <input value={name} onChange={(event) => setName(event.target.value)} maxLength={40} autoComplete="name" autoFocus required />
      </label>
      <p className="raise-hand-hint">
        Next you check your camera and microphone. The host sees your hand in their queue and decides; nothing is sent until they bring you
        on stage.
      </p>
      {hand.kind === 'failed' && (
        <p className="raise-hand-error" role="alert">
          {hand.message}
        </p>
      )}
      <div className="raise-hand-actions">
        <button type="submit" className="primary" disabled={busy || !name.trim()}>
          {busy ? 'Raising your hand…' : 'Continue'}
        </button>
        <button type="button" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
