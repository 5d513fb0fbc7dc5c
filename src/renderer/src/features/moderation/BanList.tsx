import { useEffect, useState } from 'react';
import type { ChatBan } from '../../../../shared/domain/chat';
import { useStudio, useStudioClient } from '../../store';
import { selectAuditSize } from '../../store/selectors/moderation';
import { actorLabel } from './describe';

/**
 * Chatters banned from the live stream (or from every stream), each with an Unban button. It
 * reloads whenever the audit log grows, since every ban and unban is written there.
 */
export function BanList() {
  const auditSize = useStudio(selectAuditSize);
  const studio = useStudioClient();
  const [bans, setBans] = useState<ChatBan[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    void studio.invoke('chat.bans', {}).then((result) => {
      if (!current) return;
      if (result.ok) {
        setBans(result.value.bans);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [studio, auditSize, reload]);

  const unban = async (identity: string) => {
    const result = await studio.invoke('chat.unban', { identity });
    if (!result.ok) setError(result.error.message);
    setReload((n) => n + 1);
  };

  if (bans.length === 0 && !error) return null;
  return (
    <section className="ban-list" aria-labelledby="ban-list-heading">
      <h3 id="ban-list-heading">Banned chatters</h3>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {bans.map((ban) => (
          <li key={`${ban.identity}:${ban.streamId ?? 'all'}`}>
            <span className="ban-who">{actorLabel(ban.identity)}</span>
            <span className="hint">
              {ban.streamId === null ? 'all streams' : 'this stream'} · by {actorLabel(ban.actor)}
              {ban.reason ? ` · ${ban.reason}` : ''}
            </span>
            <button type="button" onClick={() => void unban(ban.identity)} aria-label={`Unban ${actorLabel(ban.identity)}`}>
              Unban
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
