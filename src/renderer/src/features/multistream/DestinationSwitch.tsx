import type { Destination } from '../../../../shared/domain/multistream';
import { useStudio } from '../../store';
import { selectUpdateDestination } from '../../store/selectors/multistream';

/**
 * A destination's on/off switch, the same in Settings and beside the live bar: while live it starts
 * or stops that destination alone; it shows main's answer, not the click.
 */
export function DestinationSwitch({ destination }: { destination: Destination }) {
  const updateDestination = useStudio(selectUpdateDestination);
  return (
    <input
      type="checkbox"
      role="switch"
      aria-label={`Send to ${destination.name}`}
      checked={destination.enabled}
      onChange={(event) => void updateDestination({ id: destination.id, enabled: event.target.checked })}
    />
  );
}
