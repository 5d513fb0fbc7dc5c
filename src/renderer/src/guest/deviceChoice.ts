/** A camera or microphone the guest can pick. */
export interface DeviceOption {
  deviceId: string;
  label: string;
}

/** Which kind of input a device list is for (MediaDeviceInfo.kind, narrowed). */
export type InputKind = 'videoinput' | 'audioinput';

/**
 * Turns enumerateDevices() output into picker options. Before permission is granted browsers
 * hide labels (and sometimes ids), so unnamed devices get a numbered name and id-less entries
 * are dropped: they cannot be selected anyway.
 */
export function deviceOptions(devices: readonly { deviceId: string; kind: string; label: string }[], kind: InputKind): DeviceOption[] {
  const noun = kind === 'videoinput' ? 'Camera' : 'Microphone';
  return devices
    .filter((device) => device.kind === kind && device.deviceId !== '')
    .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `${noun} ${index + 1}` }));
}

/** Keeps the guest's choice while that device is still there, otherwise falls back to the first one. */
export function chooseDevice(options: readonly DeviceOption[], preferred: string | null): string | null {
  if (preferred && options.some((option) => option.deviceId === preferred)) return preferred;
  return options[0]?.deviceId ?? null;
}
