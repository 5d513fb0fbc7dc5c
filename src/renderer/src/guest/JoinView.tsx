import { useState, type FormEvent } from 'react';
import type { InviteRole } from '../../../shared/domain/stage';
import { DeviceCheckPanel } from './DeviceCheckPanel';
import type { DeviceState } from './guestStore';

export interface JoinViewProps {
  role: InviteRole;
  label: string;
  title: string | null;
  /** A viewer who raised a hand: the label is the name they gave, and the button says so. */
  raisedHand: boolean;
  devices: DeviceState;
  busy: boolean;
  error: string | null;
  onJoin: (name: string) => void;
  onSelectDevice: (kind: 'camera' | 'microphone', deviceId: string) => void;
  onCheckAgain: () => void;
}

/** Before the invite is used: the guest's name and the device check, then "Request to join". */
export function JoinView({ role, label, title, raisedHand, devices, busy, error, onJoin, onSelectDevice, onCheckAgain }: JoinViewProps) {
  const [name, setName] = useState(raisedHand ? label : '');
  const trimmed = name.trim();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (trimmed) onJoin(trimmed);
  };
  const moderator = role === 'moderator';
  return (
    <section className="join" aria-labelledby="join-title">
      <header className="join-intro">
        <p className="eyebrow">
          {raisedHand ? 'Raise your hand' : `${moderator ? 'Co-moderator invite' : 'Guest invite'}${label ? ` · ${label}` : ''}`}
        </p>
        <h1 id="join-title">
          {moderator ? 'Help moderate' : raisedHand ? 'Ask to join' : 'Join'} {title ? `“${title}”` : 'the show'}
        </h1>
        <p className="lead">
          {moderator
            ? 'Enter your name to open the moderator console: you will see the queue and the chat.'
            : raisedHand
              ? 'Check your camera and microphone first, then raise your hand. The host sees it in their queue; you keep watching the show here while they decide.'
              : 'Check your camera and microphone and tell the host your name. While the host decides, you watch the show from here.'}
        </p>
      </header>
      <div className={`join-body${moderator ? ' join-body--single' : ''}`}>
        {!moderator && <DeviceCheckPanel devices={devices} onSelect={onSelectDevice} onCheckAgain={onCheckAgain} />}
        <form className="join-form" onSubmit={submit} noValidate>
          <label className="field">
            <span>Your name</span>
            <input
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={40}
              autoComplete="name"
              placeholder="How the host and viewers will see you"
              autoFocus
            />
          </label>
          {!moderator && <p className="hint">Your camera and microphone go out only when the host brings you on stage.</p>}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary big" disabled={busy || !trimmed}>
            {busy
              ? moderator
                ? 'Opening…'
                : 'Sending request…'
              : moderator
                ? 'Open the moderator console'
                : raisedHand
                  ? 'Raise hand'
                  : 'Request to join'}
          </button>
        </form>
      </div>
    </section>
  );
}
