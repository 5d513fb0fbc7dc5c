import type { DeviceOption } from './deviceChoice';
import type { DeviceState } from './guestStore';
import { CameraPreview } from './CameraPreview';
import { MicMeter } from './MicMeter';

export interface DeviceCheckPanelProps {
  devices: DeviceState;
  onSelect: (kind: 'camera' | 'microphone', deviceId: string) => void;
  onCheckAgain: () => void;
  /** Compact: the side card while waiting (preview and meter, pickers folded away). */
  compact?: boolean;
}

function Picker({
  label,
  options,
  value,
  disabled,
  searching,
  onChange,
}: {
  label: string;
  options: DeviceOption[];
  value: string | null;
  disabled: boolean;
  /** Devices are still being asked for: an empty list means "not yet", not "none". */
  searching: boolean;
  onChange: (id: string) => void;
}) {
  return (
    <label className="picker">
      <span>{label}</span>
      <select value={value ?? ''} disabled={disabled || options.length === 0} onChange={(event) => onChange(event.target.value)}>
        {options.length === 0 && <option value="">{searching ? 'Looking…' : 'None found'}</option>}
        {value === null && options.length > 0 && <option value="">Not in use</option>}
        {options.map((option) => (
          <option key={option.deviceId} value={option.deviceId}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Camera preview, mic meter, device pickers and what went wrong with each device. */
export function DeviceCheckPanel({ devices, onSelect, onCheckAgain, compact = false }: DeviceCheckPanelProps) {
  const asking = devices.status === 'asking';
  const problems = [devices.cameraError, devices.microphoneError].filter((p): p is string => !!p);
  const pickers = (
    <div className="pickers">
      <Picker
        label="Camera"
        options={devices.cameras}
        value={devices.cameraId}
        disabled={asking}
        searching={asking}
        onChange={(id) => onSelect('camera', id)}
      />
      <Picker
        label="Microphone"
        options={devices.microphones}
        value={devices.microphoneId}
        disabled={asking}
        searching={asking}
        onChange={(id) => onSelect('microphone', id)}
      />
    </div>
  );
  return (
    <section className={`device-check${compact ? ' device-check--compact' : ''}`} aria-label="Device check">
      <CameraPreview
        track={devices.cameraTrack}
        placeholder={asking ? 'Starting your camera…' : devices.cameraError ? 'Camera not available' : 'No camera selected'}
        badge="You"
      />
      <div className="meter-row">
        <span className="meter-label">Mic</span>
        <MicMeter track={devices.microphoneTrack} />
      </div>
      {compact ? (
        <details className="device-more">
          <summary>Change camera or microphone</summary>
          {pickers}
        </details>
      ) : (
        pickers
      )}
      {problems.length > 0 && (
        <div className="device-problems" role="alert">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
          <button type="button" onClick={onCheckAgain} disabled={asking}>
            Check again
          </button>
        </div>
      )}
      {!compact && problems.length === 0 && devices.status === 'ready' && (
        <p className="hint">Say something: the bars should move. You can change devices any time before you go on.</p>
      )}
    </section>
  );
}
