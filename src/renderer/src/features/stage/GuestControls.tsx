import { BackstageIcon, CameraOffIcon, KickIcon, MicOffIcon, ShieldIcon, SpotlightIcon } from '../../icons';
import type { StageGuest } from '../../../../shared/domain/stage';
import { useStudio } from '../../store';
import { selectIsBusy } from '../../store/selectors/stage';
import type { TileView } from './guestTileState';

/**
 * The host's controls for one guest on stage. Muting is one-way (LiveKit lets a server mute a
 * track but only the guest can unmute), so a muted source's button is disabled, not a toggle.
 */
export function GuestControls(props: { guest: StageGuest; view: TileView; spotlit: boolean; onKick(identity: string): void }) {
  const { guest, view, spotlit } = props;
  const busy = useStudio(selectIsBusy(guest.identity));
  const { muteGuest, spotlightGuest, moveGuest, promoteGuest } = useStudio.getState();
  const name = guest.name;
  return (
    <div className="guest-controls" role="toolbar" aria-label={`Controls for ${name}`}>
      <button
        type="button"
        className="icon-button"
        aria-label={`Mute ${name}'s microphone`}
        title={view.micState === 'on' ? 'Mute microphone' : 'Microphone is not on'}
        disabled={busy || view.micState !== 'on'}
        onClick={() => void muteGuest(guest.identity, 'audio')}
      >
        <MicOffIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Mute ${name}'s camera`}
        title={view.cameraState === 'on' ? 'Turn camera off' : 'Camera is not on'}
        disabled={busy || view.cameraState !== 'on'}
        onClick={() => void muteGuest(guest.identity, 'video')}
      >
        <CameraOffIcon />
      </button>
      <button
        type="button"
        className={spotlit ? 'icon-button pressed' : 'icon-button'}
        aria-label={`Spotlight ${name}`}
        aria-pressed={spotlit}
        title={spotlit ? 'Remove spotlight' : 'Spotlight'}
        disabled={busy}
        onClick={() => void spotlightGuest(spotlit ? null : guest.identity)}
      >
        <SpotlightIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Send ${name} backstage`}
        title="Send backstage"
        disabled={busy}
        onClick={() => void moveGuest(guest.identity, 'backstage')}
      >
        <BackstageIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Make ${name} a co-moderator`}
        title="Make co-moderator"
        disabled={busy}
        onClick={() => void promoteGuest(guest.identity)}
      >
        <ShieldIcon />
      </button>
      <button
        type="button"
        className="icon-button danger"
        aria-label={`Kick ${name}`}
        title="Kick and ban"
        disabled={busy}
        onClick={() => props.onKick(guest.identity)}
      >
        <KickIcon />
      </button>
    </div>
  );
}
