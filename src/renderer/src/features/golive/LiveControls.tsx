import { useState } from 'react';
import { CameraIcon, CameraOffIcon, MicIcon, MicOffIcon, ScreenIcon } from '../../icons';
import { useStudio } from '../../store';
import { selectCameraOff, selectIsSharingScreen, selectMicMuted, selectScreenIssue } from '../../store/selectors/capture';
import { selectIsEnding, selectIsLive, selectStreamMode } from '../../store/selectors/live';
import { EndStreamDialog } from './EndStreamDialog';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** Mic, camera and screen controls under the preview, plus End stream while live. */
export function LiveControls() {
  const micMuted = useStudio(selectMicMuted);
  const cameraOff = useStudio(selectCameraOff);
  const sharing = useStudio(selectIsSharingScreen);
  const mode = useStudio(selectStreamMode);
  const live = useStudio(selectIsLive);
  const ending = useStudio(selectIsEnding);
  const screenIssue = useStudio(selectScreenIssue);
  const { toggleMic, toggleCamera, shareScreen, stopScreen, endStream } = useStudio.getState();
  const [confirming, setConfirming] = useState(false);

  return (
    <div className="control-strip" role="toolbar" aria-label="Stream controls">
      <button
        type="button"
        className={micMuted ? 'control off' : 'control'}
        onClick={() => void toggleMic()}
        aria-keyshortcuts="Control+D Meta+D"
        title={`${MOD}D`}
      >
        {micMuted ? <MicOffIcon /> : <MicIcon />} {micMuted ? 'Unmute microphone' : 'Mute microphone'}
        <kbd aria-hidden="true">{MOD}D</kbd>
      </button>
      {mode !== 'voice_only' && (
        <button
          type="button"
          className={cameraOff ? 'control off' : 'control'}
          onClick={() => void toggleCamera()}
          aria-keyshortcuts="Control+E Meta+E"
          title={`${MOD}E`}
        >
          {cameraOff ? <CameraOffIcon /> : <CameraIcon />} {cameraOff ? 'Turn camera on' : 'Turn camera off'}
          <kbd aria-hidden="true">{MOD}E</kbd>
        </button>
      )}
      {mode === 'screen_guests' && (
        <>
          <button type="button" className="control" onClick={() => void shareScreen()}>
            <ScreenIcon /> {sharing ? 'Switch shared source' : 'Share screen'}
          </button>
          {sharing && (
            <button type="button" className="control" onClick={() => void stopScreen()}>
              Stop sharing
            </button>
          )}
        </>
      )}
      {screenIssue && mode === 'screen_guests' && (
        <span className="strip-issue" role="alert">
          {screenIssue.message}
        </span>
      )}
      {live && (
        <button type="button" className="danger end-button" onClick={() => setConfirming(true)} disabled={ending}>
          End stream
        </button>
      )}
      <EndStreamDialog
        open={confirming}
        ending={ending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void endStream().then(() => setConfirming(false))}
      />
    </div>
  );
}
