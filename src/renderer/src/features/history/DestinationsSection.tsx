import type { StreamDetail } from '../../../../shared/domain/history';
import { formatDuration } from '../../components/format';
import { formatClock } from './timeFormat';

/**
 * Where the program went besides LiveKit: each destination used, how long it was live, and how
 * often it dropped, with the last reason. Hidden for streams that used none.
 */
export function DestinationsSection(props: { detail: StreamDetail }) {
  const { destinations } = props.detail;
  if (destinations.length === 0) return null;
  return (
    <section className="card" aria-labelledby="hist-destinations-title">
      <h2 id="hist-destinations-title">Destinations</h2>
      <ul className="destination-list">
        {destinations.map((session) => (
          <li key={`${session.destinationId}-${session.startedAt}`} className="destination-row">
            <strong>{session.name}</strong>
            <span className="hint">
              From {formatClock(session.startedAt)} · live {formatDuration(session.liveMs)} ·{' '}
              {session.failures === 0 ? 'no drops' : `${session.failures} ${session.failures === 1 ? 'drop' : 'drops'}`}
              {session.lastError ? ` — last: ${session.lastError}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
