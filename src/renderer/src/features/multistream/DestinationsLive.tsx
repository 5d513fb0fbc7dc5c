import { formatDuration } from '../../components/format';
import { useStudio } from '../../store';
import { selectDestinations, selectMultistreamStatus } from '../../store/selectors/multistream';
import { selectIsLive } from '../../store/selectors/live';
import { formatKbps, STATE_LABEL } from './destinationLabels';
import { DestinationSwitch } from './DestinationSwitch';
import { UplinkLive } from './UplinkBudget';

/**
 * Next to the live bar while live: each destination's state, bitrate and time live, with its
 * on/off switch. State changes are announced politely; the numbers are not (they change twice a
 * second and would drown everything else out).
 */
export function DestinationsLive() {
  const live = useStudio(selectIsLive);
  const destinations = useStudio(selectDestinations);
  const status = useStudio(selectMultistreamStatus);
  if (!live || destinations.length === 0) return null;
  return (
    <section className="destinations-live" aria-label="Destinations">
      <ul>
        {destinations.map((destination) => {
          const current = status?.destinations.find((entry) => entry.id === destination.id);
          const state = current?.state ?? (destination.enabled ? 'waiting' : 'off');
          return (
            <li key={destination.id} className={`destination-live state-${state}`}>
              <label>
                <DestinationSwitch destination={destination} />
                {destination.name}
              </label>
              <span aria-live="polite" title={current?.message ?? undefined}>
                {STATE_LABEL[state]}
                {state === 'failed' || state === 'reconnecting' ? (current?.message ? `: ${current.message}` : '') : ''}
              </span>
              {state === 'live' && current && (
                <span className="metric muted">
                  {formatKbps(current.bitrateKbps)} · {formatDuration(current.liveMs)}
                  {current.droppedFrames > 0 ? ` · ${current.droppedFrames} dropped` : ''}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <UplinkLive />
    </section>
  );
}
