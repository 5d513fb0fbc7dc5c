import { useStudio } from '../../store';
import { selectGuestMedia, selectStage, stageSlots } from '../../store/selectors/stage';
import { GuestTile } from './GuestTile';

/** The 2x2 stage: four slots in program order, each a guest tile or an empty place. */
export function StageGrid(props: { onKick(identity: string): void }) {
  const stage = useStudio(selectStage);
  const media = useStudio(selectGuestMedia);
  return (
    <ol className="guest-grid" aria-label="Stage slots">
      {stageSlots(stage).map((guest, slot) => (
        <li key={guest?.identity ?? `empty-${slot}`} className="guest-slot" aria-label={`Slot ${slot + 1}`}>
          {guest ? (
            <GuestTile guest={guest} media={media[guest.identity]} spotlit={stage.spotlight === guest.identity} onKick={props.onKick} />
          ) : (
            <div className="guest-empty">
              <span className="guest-empty-number" aria-hidden="true">
                {slot + 1}
              </span>
              <span>Empty slot</span>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
