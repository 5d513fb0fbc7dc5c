import { VoiceIcon } from '../../icons';
import { useStudio } from '../../store';
import {
  selectCameraIssue,
  selectCameraOff,
  selectCameraTrack,
  selectMicMuted,
  selectMicrophoneTrack,
  selectScreenTrack,
} from '../../store/selectors/capture';
import { selectDraftMode, selectLiveMode } from '../../store/selectors/live';
import { MicLevelMeter } from './MicLevelMeter';
import { TrackVideo } from './TrackVideo';

/**
 * What viewers will see (so the camera is not mirrored), drawn from the local tracks: the
 * shared screen with the camera in a corner (screen + guests), the camera alone (camera grid),
 * or a voice-only card.
 */
export function ProgramPreview() {
  const liveMode = useStudio(selectLiveMode);
  const draftMode = useStudio(selectDraftMode);
  const mode = liveMode ?? draftMode;
  const screen = useStudio(selectScreenTrack);
  const camera = useStudio(selectCameraTrack);
  const cameraOff = useStudio(selectCameraOff);
  const mic = useStudio(selectMicrophoneTrack);
  const micMuted = useStudio(selectMicMuted);
  const cameraIssue = useStudio(selectCameraIssue);

  const cameraView = (className: string) =>
    camera && !cameraOff ? (
      <TrackVideo track={camera} label="Camera preview" className={className} />
    ) : (
      <div className={`camera-placeholder ${className}`} role="img" aria-label={cameraOff ? 'Camera is off' : 'No camera'}>
        <span aria-hidden="true">{cameraOff ? 'Camera off' : cameraIssue ? 'No camera' : 'Starting camera…'}</span>
      </div>
    );

  let body;
  if (mode === 'voice_only') {
    body = (
      <div className="voice-card">
        <div className="voice-avatar">
          <VoiceIcon />
        </div>
        <p>Voice only — viewers hear you{micMuted ? ' when you unmute' : ''}.</p>
        <MicLevelMeter track={mic} muted={micMuted} />
      </div>
    );
  } else if (mode === 'screen_guests' && screen) {
    body = (
      <>
        <TrackVideo track={screen} label="Shared screen preview" className="program-main" />
        {(camera || cameraOff) && cameraView('program-pip')}
      </>
    );
  } else {
    body = (
      <>
        {cameraView('program-main')}
        {mode === 'screen_guests' && <p className="program-hint">No screen shared yet — use “Share screen” below.</p>}
      </>
    );
  }
  return (
    <div className="program" role="region" aria-label="Program preview">
      {body}
    </div>
  );
}
