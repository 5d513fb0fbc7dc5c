import { useState } from 'react';
import type { StageGuest } from '../../../../shared/domain/stage';
import { useStudio } from '../../store';
import { selectIsBusy, selectStage, stageSlots } from '../../store/selectors/stage';
import { KickIcon, OnStageIcon, ShieldIcon } from '../../icons';

/** Approved guests waiting off stage; each can be brought into a slot (swapping when taken). */
export function BackstageList(props: { onKick(identity: string): void }) {
  const stage = useStudio(selectStage);
  const backstage = stage.guests.filter((g) => g.state === 'backstage');
  const slots = stageSlots(stage);
  return (
    <section className="backstage" aria-labelledby="backstage-title">
      <h3 id="backstage-title">
        Backstage <span className="count">{backstage.length}</span>
      </h3>
      {backstage.length === 0 ? (
        <p className="hint">Approved guests wait here when all four stage slots are taken.</p>
      ) : (
        <ul className="backstage-list" aria-label="Backstage guests">
          {backstage.map((guest) => (
            <BackstageRow key={guest.identity} guest={guest} slots={slots} onKick={props.onKick} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BackstageRow(props: { guest: StageGuest; slots: (StageGuest | null)[]; onKick(identity: string): void }) {
  const { guest, slots } = props;
  const firstFree = slots.findIndex((s) => s === null);
  const [slot, setSlot] = useState<number | null>(null);
  // Default to the first free slot; with the stage full, slot 1 (its guest swaps backstage).
  const chosen = slot ?? (firstFree === -1 ? 0 : firstFree);
  const busy = useStudio(selectIsBusy(guest.identity));
  const { moveGuest, promoteGuest } = useStudio.getState();
  return (
    <li className="backstage-row" aria-label={guest.name}>
      <span className="guest-name">{guest.name}</span>
      <select
        aria-label={`Stage slot for ${guest.name}`}
        title="A taken slot's guest swaps backstage"
        value={chosen}
        onChange={(e) => setSlot(Number(e.target.value))}
      >
        {slots.map((occupant, index) => (
          <option key={index} value={index}>
            {occupant ? `Slot ${index + 1} (${occupant.name})` : `Slot ${index + 1} (free)`}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="primary"
        aria-label={`Bring ${guest.name} on stage`}
        disabled={busy}
        onClick={() => void moveGuest(guest.identity, 'stage', chosen)}
      >
        <OnStageIcon /> On stage
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Make ${guest.name} a co-moderator`}
        title="Make co-moderator"
        disabled={busy}
        onClick={() => void promoteGuest(guest.identity)}
      >
        <ShieldIcon />
      </button>
      <button
        type="button"
        className="icon-button danger"
        aria-label={`Kick ${guest.name}`}
        title="Kick and ban"
        disabled={busy}
        onClick={() => props.onKick(guest.identity)}
      >
        <KickIcon />
      </button>
    </li>
  );
}
