/**
 * Remembers the chosen camera and microphone between sessions. Device ids are per-origin and
 * can vanish (a webcam unplugged), so a remembered id is only ever a preference.
 */
const KEYS = { camera: 'airdeck.capture.cameraId', microphone: 'airdeck.capture.microphoneId' } as const;

/** The remembered device id for a kind, or null. */
export function rememberedDevice(kind: keyof typeof KEYS): string | null {
  try {
    return localStorage.getItem(KEYS[kind]);
  } catch {
    // Storage may be unavailable (private mode, tests): no device is remembered then.
    return null;
  }
}

/** Stores the chosen device id for next time. */
export function rememberDevice(kind: keyof typeof KEYS, deviceId: string): void {
  try {
    localStorage.setItem(KEYS[kind], deviceId);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this session only.
  }
}
