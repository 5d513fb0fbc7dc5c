import { useState } from 'react';
import { useStudio } from '../../store';
import { selectModeratorSessions, selectModeratorSessionsError, selectRevokeModeratorSession } from '../../store/selectors/moderatorAccess';
import { expiryLabel, grantLabel } from './grantLabel';

/**
 * Who can moderate right now, next to "Invite a moderator" (owner only): each session with what
 * granted it and when it ends, and a Revoke button that closes that moderator's console at once.
 * The store keeps the list current (store/wiring/moderatorWiring.ts).
 */
export function ModeratorSessions() {
  const sessions = useStudio(selectModeratorSessions);
  const error = useStudio(selectModeratorSessionsError);
  const revoke = useStudio(selectRevokeModeratorSession);
  const [busy, setBusy] = useState<string | null>(null);
  // Only decides whether an expiry needs its weekday; read once per mount.
  const [now] = useState(Date.now);

  if (sessions.length === 0 && !error) return null;
  return (
    <section className="moderator-sessions" aria-labelledby="moderator-sessions-heading">
      <h3 id="moderator-sessions-heading">Moderators</h3>
      {error && (
        <p className="form-error" role="alert">
          Could not load moderators: {error.message}
        </p>
      )}
      <ul>
        {sessions.map((session) => (
          <li key={session.id}>
            <span className="moderator-session-name">{session.name}</span>
            <span className="hint">
              {grantLabel(session)}, {expiryLabel(session.expiresAt, now)}
            </span>
            <button
              type="button"
              aria-label={`Revoke ${session.name}`}
              disabled={busy === session.id}
              onClick={async () => {
                setBusy(session.id);
                await revoke(session);
                setBusy(null);
              }}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
