/** Which device a getUserMedia call was for. */
export type MediaKind = 'camera' | 'microphone';

/**
 * A sentence a guest can act on for a failed getUserMedia. Browsers report the cause only by the
 * DOMException name, and the fix differs (site permission, unplug, close another app).
 */
export function describeMediaError(error: unknown, kind: MediaKind): string {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  const device = kind === 'camera' ? 'camera' : 'microphone';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return `Access to your ${device} was blocked. Allow it in your browser's site settings (the icon next to the address), then choose "Check again".`;
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return `No ${device} was found. Plug one in and choose "Check again", or join without it.`;
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return `Your ${device} is busy or not responding. Close other apps that may be using it, then choose "Check again".`;
    default:
      return `Your ${device} could not be started. Choose "Check again" or pick another device.`;
  }
}
