import { useState } from 'react';
import { useStudio } from '../../store';
import { selectIsLive } from '../../store/selectors/live';
import { selectStageGuests } from '../../store/selectors/stage';
import { InvitesDialog } from '../invites/InvitesDialog';
import { BackstageList } from './BackstageList';
import { KickDialog } from './KickDialog';
import { StageGrid } from './StageGrid';
import { StageNotices } from './StageNotices';
import { InviteIcon } from '../../icons';

/**
 * The guests' side of the stage, beside the host's program: the 2x2 grid, the backstage list,
 * the invites panel, and the kick confirmation.
 */
export function StageArea() {
  const live = useStudio(selectIsLive);
  const guests = useStudio(selectStageGuests);
  const [kickTarget, setKickTarget] = useState<string | null>(null);
  const [kicking, setKicking] = useState(false);
  const { kickGuest, setInvitesOpen } = useStudio.getState();
  const onStage = guests.filter((g) => g.state === 'stage').length;
  const kickName = guests.find((g) => g.identity === kickTarget)?.name ?? null;

  const confirmKick = async () => {
    if (!kickTarget) return;
    setKicking(true);
    await kickGuest(kickTarget);
    setKicking(false);
    setKickTarget(null);
  };

  return (
    <section className="guest-stage" aria-labelledby="guest-stage-title">
      <header className="guest-stage-header">
        <h2 id="guest-stage-title">Guests</h2>
        <span className="count" aria-label={`${onStage} of 4 on stage`}>
          {onStage}/4 on stage
        </span>
        <button type="button" className="invite-button" onClick={() => setInvitesOpen(true)}>
          <InviteIcon /> Invite guests
        </button>
      </header>
      <StageNotices />
      {live || guests.length > 0 ? (
        <>
          <StageGrid onKick={setKickTarget} />
          <BackstageList onKick={setKickTarget} />
        </>
      ) : (
        <p className="hint guest-stage-idle">
          Invite guests now; they can ask to join once you are live. Approved guests appear here in a 2x2 grid.
        </p>
      )}
      <KickDialog
        name={kickTarget ? (kickName ?? 'this guest') : null}
        busy={kicking}
        onConfirm={() => void confirmKick()}
        onCancel={() => setKickTarget(null)}
      />
      <InvitesDialog />
    </section>
  );
}
