import { useStudio } from '../../store';
import { DeviceSelect } from './DeviceSelect';
import { MicLevelMeter } from './MicLevelMeter';

/**
 * Camera and microphone pickers (remembered between sessions) with the microphone level. Voice
 * only sends no picture, so it shows the microphone alone.
 */
export function SourcesCard() {
  const voiceOnly = useStudio((s) => (s.liveSession?.mode ?? s.draftMode) === 'voice_only');
  const cameras = useStudio((s) => s.cameras);
  const microphones = useStudio((s) => s.microphones);
  const cameraId = useStudio((s) => s.cameraId);
  const microphoneId = useStudio((s) => s.microphoneId);
  const issues = useStudio((s) => s.captureIssues);
  const micTrack = useStudio((s) => s.microphoneTrack);
  const micMuted = useStudio((s) => s.micMuted);
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
