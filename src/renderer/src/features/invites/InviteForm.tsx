import { useState, type FormEvent } from 'react';
import type { InviteRole } from '../../../../shared/domain/stage';
import { useStudio } from '../../store';
import { EXPIRY_CHOICES } from './inviteFormat';

/** Creates an invite: role, a label to tell links apart, expiry (1 h) and number of uses (1). */
export function InviteForm() {
  const [role, setRole] = useState<InviteRole>('guest');
  const [label, setLabel] = useState('');
  const [expiresInMinutes, setExpiry] = useState(60);
  const [maxUses, setMaxUses] = useState(1);
  const [creating, setCreating] = useState(false);
  const usesValid = Number.isInteger(maxUses) && maxUses >= 1 && maxUses <= 100;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!usesValid) return;
    setCreating(true);
    const created = await useStudio.getState().createInvite({ role, label: label.trim(), expiresInMinutes, maxUses });
    setCreating(false);
    if (created) setLabel('');
  };

  return (
    <form className="invite-form" onSubmit={(e) => void submit(e)} aria-label="Create an invite">
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as InviteRole)}>
          <option value="guest">Guest — can ask to join the stage</option>
          <option value="moderator">Co-moderator — opens the moderation console</option>
        </select>
      </label>
      <label>
        Label
        <input value={label} maxLength={60} placeholder="e.g. Ada from the design team" onChange={(e) => setLabel(e.target.value)} />
      </label>
      <div className="invite-form-row">
        <label>
          Expires after
          <select value={expiresInMinutes} onChange={(e) => setExpiry(Number(e.target.value))}>
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.minutes} value={choice.minutes}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Uses
          <input
            type="number"
            min={1}
            max={100}
            value={Number.isNaN(maxUses) ? '' : maxUses}
            aria-invalid={!usesValid}
            aria-describedby="invite-uses-hint"
            onChange={(e) => setMaxUses(e.target.valueAsNumber)}
          />
        </label>
      </div>
      <p id="invite-uses-hint" className={usesValid ? 'hint' : 'field-error'}>
        {usesValid ? 'How many people can join with this link (1–100).' : 'Enter a number from 1 to 100.'}
      </p>
      <button type="submit" className="primary" disabled={creating || !usesValid}>
        {creating ? 'Creating…' : 'Create invite'}
      </button>
    </form>
  );
}
