import type { StreamDetail } from '../../../../shared/domain/history';
import { formatDuration } from '../../components/format';
import { QualityTimeline } from './charts/QualityTimeline';

/** Guests with their stage time and stints, then each one's connection-quality timeline. */
export function GuestsSection(props: { detail: StreamDetail }) {
  const { guests, stream } = props.detail;
  const start = stream.startedAt;
  const end = stream.endedAt ?? stream.lastHeartbeatAt;
  return (
    <section className="card" aria-labelledby="hist-guests-title">
      <h2 id="hist-guests-title">Guests</h2>
      {guests.length === 0 ? (
        <p className="hint">No guests joined this stream.</p>
      ) : (
        <>
          <table className="history-table" aria-label="Guests and stage time">
            <thead>
              <tr>
                <th scope="col">Guest</th>
                <th scope="col">Stage time</th>
                <th scope="col">On stage</th>
              </tr>
            </thead>
            <tbody>
              {guests.map((guest) => (
                <tr key={guest.identity}>
                  <th scope="row">{guest.name}</th>
                  <td>{formatDuration(guest.stageMs)}</td>
                  <td>
                    {guest.stints.length === 0
                      ? 'Never on stage'
                      : guest.stints.map((s) => `${formatDuration(s.onAt - start)}–${formatDuration(s.offAt - start)}`).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="hist-quality-list">
            {guests
              .filter((guest) => guest.quality.length > 0)
              .map((guest) => (
                <QualityTimeline key={guest.identity} guest={guest} start={start} end={end} />
              ))}
          </div>
        </>
      )}
    </section>
  );
}
