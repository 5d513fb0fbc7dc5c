/**
 * Opening cameras, microphones and screens with the browser media APIs, and turning their
 * failures into messages a creator can act on. The studio owns these MediaStreamTracks; the
 * LiveKit publisher only borrows them, so a device can be swapped without republishing.
 */

/** Which kind of capture a message is about. */
export type CaptureKind = 'camera' | 'microphone' | 'screen';

/** Why a capture could not start, in words a person can act on. */
export interface MediaIssue {
  kind: CaptureKind;
  reason: 'denied' | 'missing' | 'busy' | 'cancelled' | 'failed';
  message: string;
}

const NOUN: Record<CaptureKind, string> = { camera: 'camera', microphone: 'microphone', screen: 'screen sharing' };

/** Maps a getUserMedia/getDisplayMedia rejection to a {@link MediaIssue}. */
export function describeMediaError(kind: CaptureKind, error: unknown): MediaIssue {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const noun = NOUN[kind];
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      // A cancelled browser screen picker also rejects with NotAllowedError.
      if (kind === 'screen')
        return { kind, reason: 'cancelled', message: 'Screen sharing was cancelled or blocked. Choose a screen or window to share.' };
      return {
        kind,
        reason: 'denied',
        message: `Access to the ${noun} was denied. Allow it in your browser or system privacy settings, then try again.`,
      };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return { kind, reason: 'missing', message: `No ${noun} was found. Connect one, then try again.` };
    case 'NotReadableError':
    case 'AbortError':
      return { kind, reason: 'busy', message: `The ${noun} is in use by another app or could not start. Close that app, then try again.` };
    default:
      return {
        kind,
        reason: 'failed',
        message: `Could not start the ${noun}${error instanceof Error && error.message ? `: ${error.message}` : '.'}`,
      };
  }
}

/** Result of opening one device. */
export type Opened = { ok: true; track: MediaStreamTrack } | { ok: false; issue: MediaIssue };

function firstTrack(stream: MediaStream, kind: 'audio' | 'video'): MediaStreamTrack {
  const track = kind === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
  if (!track) throw new DOMException('No track', 'NotFoundError');
  // Anything else the browser handed us (e.g. screen audio we did not ask for) is released.
  for (const other of stream.getTracks()) if (other !== track) other.stop();
  return track;
}

/** Opens a camera at up to 1280x720@30, preferring `deviceId` when one is remembered. */
export async function openCamera(deviceId: string | null): Promise<Opened> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: {
        ...(deviceId ? { deviceId: { ideal: deviceId } } : {}),
        width: { ideal: 1280 },
        height: { ideal: 720 },
        frameRate: { ideal: 30 },
      },
    });
    return { ok: true, track: firstTrack(stream, 'video') };
  } catch (error) {
    return { ok: false, issue: describeMediaError('camera', error) };
  }
}

/** Opens a microphone with the usual voice processing. */
export async function openMicrophone(deviceId: string | null): Promise<Opened> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        ...(deviceId ? { deviceId: { ideal: deviceId } } : {}),
        echoCancellation: true,
        noiseSuppression: true,
        autoGainControl: true,
      },
    });
    return { ok: true, track: firstTrack(stream, 'audio') };
  } catch (error) {
    return { ok: false, issue: describeMediaError('microphone', error) };
  }
}

/**
 * Opens a screen or window. In the desktop app main has already picked the source
 * (`capture.selectSource`) and grants exactly that one; in a browser its own picker appears.
 */
export async function openScreen(): Promise<Opened> {
  try {
    const stream = await navigator.mediaDevices.getDisplayMedia({
      video: { width: { max: 1920 }, height: { max: 1080 }, frameRate: { ideal: 30, max: 30 } },
      audio: false,
    });
    return { ok: true, track: firstTrack(stream, 'video') };
  } catch (error) {
    return { ok: false, issue: describeMediaError('screen', error) };
  }
}

/** One camera or microphone in a selector. */
export interface DeviceOption {
  id: string;
  label: string;
}

/** Lists cameras and microphones; labels are empty until a permission was granted once. */
export async function listDevices(): Promise<{ cameras: DeviceOption[]; microphones: DeviceOption[] }> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  const pick = (kind: MediaDeviceKind, fallback: string): DeviceOption[] =>
    devices
      .filter((d) => d.kind === kind && d.deviceId !== '' && d.deviceId !== 'communications')
      .map((d, i) => ({ id: d.deviceId, label: d.label || `${fallback} ${i + 1}` }));
  return { cameras: pick('videoinput', 'Camera'), microphones: pick('audioinput', 'Microphone') };
}
