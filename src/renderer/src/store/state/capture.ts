import type { CaptureSource } from '../../../../shared/domain/live';
import type { CaptureKind, DeviceOption, MediaIssue } from '../../features/capture/media';

/** The desktop app's own screen/window picker (the browser studio uses the browser's). */
export interface SourcePickerState {
  open: boolean;
  loading: boolean;
  sources: CaptureSource[];
  error: string | null;
}

export interface CaptureSlice {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  cameraId: string | null;
  microphoneId: string | null;
  cameraTrack: MediaStreamTrack | null;
  microphoneTrack: MediaStreamTrack | null;
  screenTrack: MediaStreamTrack | null;
  captureIssues: Partial<Record<CaptureKind, MediaIssue>>;
  micMuted: boolean;
  cameraOff: boolean;
  picker: SourcePickerState;
  /** Opens the remembered camera and microphone for the preview (once; later calls are no-ops). */
  startPreview(): Promise<void>;
  /** Opens a camera or microphone again, e.g. after the person allowed access. */
  openDevice(kind: 'camera' | 'microphone', deviceId?: string | null): Promise<MediaStreamTrack | null>;
  selectCamera(id: string): Promise<void>;
  selectMicrophone(id: string): Promise<void>;
  /** Starts or switches the shared screen: the app picker on desktop, the browser's otherwise. */
  shareScreen(): Promise<void>;
  chooseSource(id: string): Promise<void>;
  closePicker(): void;
  stopScreen(): Promise<void>;
  toggleMic(): Promise<void>;
  toggleCamera(): Promise<void>;
}
