import { chooseDevice, deviceOptions, type InputKind } from './deviceChoice';
import { describeMediaError, type MediaKind } from './mediaErrors';
import { NO_DEVICES, patchDevices, useGuest } from './guestStore';

/** The camera size asked for: enough for a stage tile, modest on a guest's upload. */
const CAMERA_IDEAL = { width: { ideal: 1280 }, height: { ideal: 720 } } as const;

const KIND: Record<MediaKind, InputKind> = { camera: 'videoinput', microphone: 'audioinput' };

function constraintsFor(kind: MediaKind, deviceId: string | null): MediaStreamConstraints {
  const device: MediaTrackConstraints | boolean = deviceId ? { deviceId: { exact: deviceId } } : true;
  if (kind === 'camera') return { video: device === true ? CAMERA_IDEAL : { ...device, ...CAMERA_IDEAL } };
  // Echo cancellation and noise suppression on: guests are usually on laptop speakers.
  return {
    audio:
      device === true ? { echoCancellation: true, noiseSuppression: true } : { ...device, echoCancellation: true, noiseSuppression: true },
  };
}

/**
 * The device check: opens the camera and mic for the preview and the meter, lists devices for
 * the pickers and follows plug/unplug. Camera and mic are opened separately so one missing or
 * blocked device does not take the other down with it.
 */
export class DeviceCheck {
  private running = false;
  /** Bumped per open, so a slow getUserMedia for a device no longer picked is dropped. */
  private readonly attempts: Record<MediaKind, number> = { camera: 0, microphone: 0 };

  constructor(private readonly media: MediaDevices = navigator.mediaDevices) {}

  /** Opens both devices (the last picked ones, if still there) and lists the rest. */
  async start(): Promise<void> {
    if (!this.media?.getUserMedia) {
      patchDevices({
        status: 'ready',
        cameraError: 'This browser cannot use a camera on this page. Open the link in a current Chrome, Edge, Firefox or Safari.',
        microphoneError: 'This browser cannot use a microphone on this page.',
      });
      return;
    }
    if (!this.running) {
      this.running = true;
      this.media.addEventListener('devicechange', this.onDeviceChange);
    }
    patchDevices({ status: 'asking' });
    const { cameraId, microphoneId } = useGuest.getState().devices;
    await Promise.all([this.open('camera', cameraId), this.open('microphone', microphoneId)]);
    await this.refreshLists();
    // stop() during the opening (the guest went on stage meanwhile) wins.
    if (this.running) patchDevices({ status: 'ready' });
  }

  /** Switches the preview to another device from a picker. */
  async select(kind: MediaKind, deviceId: string): Promise<void> {
    await this.open(kind, deviceId);
  }

  /** Releases the devices (LiveKit opens its own while on stage; the page is leaving). */
  stop(): void {
    this.running = false;
    this.media?.removeEventListener('devicechange', this.onDeviceChange);
    this.attempts.camera++;
    this.attempts.microphone++;
    const { cameraTrack, microphoneTrack } = useGuest.getState().devices;
    cameraTrack?.stop();
    microphoneTrack?.stop();
    patchDevices({ cameraTrack: null, microphoneTrack: null, status: 'idle' });
  }

  /** Forgets everything (the guest was removed). */
  reset(): void {
    this.stop();
    patchDevices(NO_DEVICES);
  }

  private trackKey(kind: MediaKind): 'cameraTrack' | 'microphoneTrack' {
    return kind === 'camera' ? 'cameraTrack' : 'microphoneTrack';
  }

  private async open(kind: MediaKind, deviceId: string | null): Promise<void> {
    const attempt = ++this.attempts[kind];
    const key = this.trackKey(kind);
    // Release the old device first: some cameras cannot be opened twice.
    useGuest.getState().devices[key]?.stop();
    patchDevices({ [key]: null });
    let track: MediaStreamTrack | null = null;
    let error: string | null = null;
    try {
      const stream = await this.media.getUserMedia(constraintsFor(kind, deviceId));
      track = (kind === 'camera' ? stream.getVideoTracks() : stream.getAudioTracks())[0] ?? null;
    } catch (cause) {
      error = describeMediaError(cause, kind);
    }
    if (attempt !== this.attempts[kind]) {
      track?.stop();
      return;
    }
    const openedId = track?.getSettings().deviceId ?? deviceId;
    if (track) track.addEventListener('ended', () => this.onEnded(kind, track!));
    patchDevices(
      kind === 'camera'
        ? { cameraTrack: track, cameraError: error, cameraId: track ? openedId : null }
        : { microphoneTrack: track, microphoneError: error, microphoneId: track ? openedId : null },
    );
  }

  /** A device unplugged mid-check ends its track: say so instead of freezing the preview. */
  private onEnded(kind: MediaKind, track: MediaStreamTrack): void {
    if (useGuest.getState().devices[this.trackKey(kind)] !== track) return;
    patchDevices(
      kind === 'camera'
        ? { cameraTrack: null, cameraError: describeMediaError({ name: 'NotReadableError' }, kind) }
        : { microphoneTrack: null, microphoneError: describeMediaError({ name: 'NotReadableError' }, kind) },
    );
    void this.refreshLists();
  }

  private onDeviceChange = (): void => {
    void this.refreshLists();
  };

  private async refreshLists(): Promise<void> {
    let devices: MediaDeviceInfo[] = [];
    try {
      devices = await this.media.enumerateDevices();
    } catch {
      return; // lists stay as they were; the open devices still work
    }
    const current = useGuest.getState().devices;
    const cameras = deviceOptions(devices, KIND.camera);
    const microphones = deviceOptions(devices, KIND.microphone);
    patchDevices({ cameras, microphones });
    // A picked device that disappeared: fall back to another one if there is one.
    for (const kind of ['camera', 'microphone'] as const) {
      const picked = kind === 'camera' ? current.cameraId : current.microphoneId;
      const options = kind === 'camera' ? cameras : microphones;
      const track = current[this.trackKey(kind)];
      if (picked && !options.some((o) => o.deviceId === picked) && this.running) {
        const next = chooseDevice(options, null);
        if (next) await this.open(kind, next);
        else {
          track?.stop();
          patchDevices(
            kind === 'camera'
              ? { cameraTrack: null, cameraId: null, cameraError: describeMediaError({ name: 'NotFoundError' }, kind) }
              : { microphoneTrack: null, microphoneId: null, microphoneError: describeMediaError({ name: 'NotFoundError' }, kind) },
          );
        }
      }
    }
  }
}
