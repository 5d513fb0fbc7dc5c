import type { ReactNode } from 'react';
import type { DeviceOption, MediaIssue } from './media';

/**
 * A camera or microphone selector with its problem, if any, right under it and a way to try
 * again (after allowing access or plugging the device in).
 */
export function DeviceSelect(props: {
  label: string;
  devices: DeviceOption[];
  value: string | null;
  issue: MediaIssue | undefined;
  onSelect(id: string): void;
  onRetry(): void;
  children?: ReactNode;
}) {
  const known = props.devices.some((device) => device.id === props.value);
  return (
    <div className="device-select">
      <label>
        {props.label}
        <select
          value={known ? props.value! : ''}
          onChange={(event) => props.onSelect(event.target.value)}
          disabled={props.devices.length === 0}
        >
          {!known && <option value="">{props.devices.length === 0 ? `No ${props.label.toLowerCase()} found` : 'Default'}</option>}
          {props.devices.map((device) => (
            <option key={device.id} value={device.id}>
              {device.label}
            </option>
          ))}
        </select>
      </label>
      {props.children}
      {props.issue && (
        <div className="device-issue" role="alert">
          <span>{props.issue.message}</span>
          <button type="button" onClick={props.onRetry}>
            Try {props.label.toLowerCase()} again
          </button>
        </div>
      )}
    </div>
  );
}
