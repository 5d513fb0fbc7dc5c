import { useStudio } from '../../store';
import {
  selectCameraId,
  selectCameras,
  selectCaptureIssues,
  selectMicMuted,
  selectMicrophoneId,
  selectMicrophoneTrack,
  selectMicrophones,
} from '../../store/selectors/capture';
import { selectIsVoiceOnly } from '../../store/selectors/live';
import { DeviceSelect } from './DeviceSelect';
import { MicLevelMeter } from './MicLevelMeter';

/**
 * Camera and microphone pickers (remembered between sessions) with the microphone level. Voice
 * only sends no picture, so it shows the microphone alone.
 */
export function SourcesCard() {
  const voiceOnly = useStudio(selectIsVoiceOnly);
  const cameras = useStudio(selectCameras);
  const microphones = useStudio(selectMicrophones);
  const cameraId = useStudio(selectCameraId);
  const microphoneId = useStudio(selectMicrophoneId);
  const issues = useStudio(selectCaptureIssues);
  const micTrack = useStudio(selectMicrophoneTrack);
  const micMuted = useStudio(selectMicMuted);
  const { selectCamera, selectMicrophone, openDevice } = useStudio.getState();
  return (
    <section className="card sources-card" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Devices</h2>
      {!voiceOnly && (
        <DeviceSelect
          label="Camera"
          devices={cameras}
          value={cameraId}
          issue={issues.camera}
          onSelect={(id) => void selectCamera(id)}
          onRetry={() => void openDevice('camera')}
        />
      )}
      <DeviceSelect
        label="Microphone"
        devices={microphones}
        value={microphoneId}
        issue={issues.microphone}
        onSelect={(id) => void selectMicrophone(id)}
        onRetry={() => void openDevice('microphone')}
      >
        <MicLevelMeter track={micTrack} muted={micMuted} />
      </DeviceSelect>
    </section>
  );
}
