import { useState, type FormEvent } from 'react';
import { RTMP_PRESETS, type Destination, type DestinationPreset } from '../../../../shared/domain/multistream';
import { useStudio } from '../../store';
import {
  selectAddDestination,
  selectDestinations,
  selectMultistreamError,
  selectRemoveDestination,
  selectUpdateDestination,
} from '../../store/selectors/multistream';
import { PRESET_LABEL } from './destinationLabels';
import { DestinationSwitch } from './DestinationSwitch';

interface NewDestination {
  name: string;
  preset: DestinationPreset;
  url: string;
  streamKey: string;
}

const EMPTY: NewDestination = { name: '', preset: 'youtube', url: '', streamKey: '' };

/**
 * Settings › Destinations: where the program goes besides LiveKit. Stream keys are write-only,
 * like the API secret: typed here, kept by main in the secret store, never shown again.
 */
export function DestinationsSettings() {
  const destinations = useStudio(selectDestinations);
  const error = useStudio(selectMultistreamError);
  const addDestination = useStudio(selectAddDestination);
  const [form, setForm] = useState<NewDestination>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const ok = await addDestination({
      name: form.name,
      preset: form.preset,
      streamKey: form.streamKey,
      ...(form.preset === 'custom' ? { url: form.url } : {}),
    });
    setBusy(false);
    setAdded(ok ? form.name : null);
    if (ok) setForm(EMPTY);
  };

  return (
    <div className="page page--continued settings">
      <section className="card" aria-labelledby="destinations-heading">
        <h2 id="destinations-heading">Destinations</h2>
        <p className="hint">
          While you are live, Airdeck encodes the program once (H.264 + AAC) and sends a copy to every destination that is on. Each one
          needs upload bandwidth for the video bitrate (3 Mbps by default) plus about 0.2 Mbps.
        </p>
        {destinations.length === 0 ? (
          <p>No destinations yet.</p>
        ) : (
          <ul className="destination-list" aria-label="Destinations">
            {destinations.map((d) => (
              <DestinationRow key={d.id} destination={d} />
            ))}
          </ul>
        )}
      </section>

      <form className="card" onSubmit={submit} aria-labelledby="add-destination-heading">
        <h2 id="add-destination-heading">Add a destination</h2>
        <label>
          Service
          <select value={form.preset} onChange={(event) => setForm({ ...form, preset: event.target.value as DestinationPreset })}>
            {(Object.keys(PRESET_LABEL) as DestinationPreset[]).map((preset) => (
              <option key={preset} value={preset}>
                {PRESET_LABEL[preset]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Name
          <input
            type="text"
            value={form.name}
            onChange={(event) => setForm({ ...form, name: event.target.value })}
            maxLength={60}
            required
          />
        </label>
        {form.preset === 'custom' ? (
          <label>
            Server URL
            <input
              type="text"
              value={form.url}
              onChange={(event) => setForm({ ...form, url: event.target.value })}
              placeholder="rtmp://live.example.com/app"
              spellCheck={false}
              required
            />
          </label>
        ) : (
          <p className="hint">Ingest: {RTMP_PRESETS[form.preset]}</p>
        )}
        <label>
          Stream key
          <input
            type="password"
            value={form.streamKey}
            onChange={(event) => setForm({ ...form, streamKey: event.target.value })}
            autoComplete="off"
            required
          />
          <span className="hint">Kept in this computer's secret store; it is never shown again.</span>
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add destination'}
          </button>
          <span role="status" aria-live="polite" className={error ? 'form-error' : 'form-ok'}>
            {error ? error.message : added ? `Added ${added}.` : ''}
          </span>
        </div>
      </form>
    </div>
  );
}

function DestinationRow({ destination }: { destination: Destination }) {
  const updateDestination = useStudio(selectUpdateDestination);
  const removeDestination = useStudio(selectRemoveDestination);
  const [newKey, setNewKey] = useState('');
  const address = destination.preset === 'custom' ? destination.url : RTMP_PRESETS[destination.preset];
  return (
    <li className="destination-row">
      <strong>{destination.name}</strong>{' '}
      <span className="hint">
        {PRESET_LABEL[destination.preset]} · {address}
      </span>
      <label className="rules-check">
        <DestinationSwitch destination={destination} />
        On
      </label>
      <label>
        Replace stream key
        <input
          type="password"
          value={newKey}
          onChange={(event) => setNewKey(event.target.value)}
          autoComplete="off"
          aria-label={`New stream key for ${destination.name}`}
        />
      </label>
      <button
        type="button"
        disabled={newKey === ''}
        onClick={() => void updateDestination({ id: destination.id, streamKey: newKey }).then((ok) => ok && setNewKey(''))}
      >
        Save key
      </button>
      <button
        type="button"
        className="danger"
        onClick={() => void removeDestination(destination.id)}
        aria-label={`Remove ${destination.name}`}
      >
        Remove
      </button>
    </li>
  );
}
