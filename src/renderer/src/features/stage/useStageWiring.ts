import { useEffect } from 'react';
import { studio } from '../../api/client';
import { useStudio } from '../../store';

/**
 * Keeps the stage and invites in the store current while the studio page is open: main's
 * `stage.changed` and `invites.changed` events, plus a fresh `stage.get` whenever the link to
 * main opens or the stream goes live or ends (after a reload the roster comes back this way).
 */
export function useStageWiring(): void {
  const connection = useStudio((s) => s.connection);
  const livePhase = useStudio((s) => s.livePhase);

  useEffect(() => {
    const { applyStage, applyInvites } = useStudio.getState();
    const stopStage = studio.subscribe('stage.changed', applyStage);
    const stopInvites = studio.subscribe('invites.changed', applyInvites);
    return () => {
      stopStage();
      stopInvites();
    };
  }, []);

  useEffect(() => {
    if (connection === 'open') void useStudio.getState().loadInvites();
  }, [connection]);

  useEffect(() => {
    if (connection === 'open' && (livePhase === 'live' || livePhase === 'idle')) void useStudio.getState().loadStage();
  }, [connection, livePhase]);
}
