import type { GuestLocalMedia } from '../livekit/guestSnapshots';
import { CameraPreview } from './CameraPreview';
import { CameraIcon, CameraOffIcon, MicIcon, MicOffIcon } from '../icons';
import { MicMeter } from './MicMeter';

export interface StageControlsProps {
  local: GuestLocalMedia;
  attachSelf: (element: HTMLVideoElement) => () => void;
  onMicrophone: (enabled: boolean) => void;
  onCamera: (enabled: boolean) => void;
}

function micStatus(local: GuestLocalMedia): string | null {
  const mic = local.microphone;
  if (!mic) return 'Your microphone is not on air.';
  if (mic.muted && mic.mutedByHost) return 'The host muted your microphone.';
  if (mic.muted) return 'Your microphone is muted.';
  return null;
}

/** On stage: what goes out (own camera, mic level), and the guest's own mic and camera buttons. */
export function StageControls({ local, attachSelf, onMicrophone, onCamera }: StageControlsProps) {
  const mic = local.microphone;
  const camera = local.camera;
  const micOn = !!mic && !mic.muted;
  const cameraOn = !!camera && !camera.muted;
  const status = micStatus(local);
  return (
    <div className="stage-controls">
      <CameraPreview
        attach={attachSelf}
        attachKey={cameraOn ? camera.sid : null}
        placeholder={camera ? 'Your camera is off' : 'No camera on air'}
        badge="Live"
      />
      <div className="meter-row">
        <span className="meter-label">Mic</span>
        <MicMeter track={mic?.mediaStreamTrack ?? null} muted={!micOn} />
      </div>
      {status && (
        <p className={`mic-status${mic?.mutedByHost ? ' mic-status--host' : ''}`} role="status">
          <MicOffIcon /> {status}
        </p>
      )}
      <div className="toggle-row">
        <button
          type="button"
          className={`toggle${micOn ? '' : ' toggle--off'}`}
          aria-pressed={!micOn}
          disabled={!mic}
          onClick={() => onMicrophone(!micOn)}
        >
          {micOn ? <MicIcon /> : <MicOffIcon />} {micOn ? 'Mute mic' : 'Unmute mic'}
        </button>
        <button
          type="button"
          className={`toggle${cameraOn ? '' : ' toggle--off'}`}
          aria-pressed={!cameraOn}
          disabled={!camera}
          onClick={() => onCamera(!cameraOn)}
        >
          {cameraOn ? <CameraIcon /> : <CameraOffIcon />} {cameraOn ? 'Turn camera off' : 'Turn camera on'}
        </button>
      </div>
    </div>
  );
}
