import { formatBytes, formatDuration } from '../../components/format';
import { useStudio } from '../../store';
import {
  selectIsLive,
  selectIsStarting,
  selectLiveEnded,
  selectLiveEndedElsewhere,
  selectLiveError,
  selectLiveLost,
  selectLivePhase,
  selectLiveRetryAttempt,
  selectLiveSession,
  selectResumeOffer,
} from '../../store/selectors/live';
import { selectRecordLocally } from '../../store/selectors/settings';
import { selectRecording } from '../../store/selectors/recording';
import { GoLiveForm } from './GoLiveForm';
import { GoLiveProgress } from './GoLiveProgress';
import { LiveErrorNotice } from './LiveErrorNotice';
import { LiveInfo } from './LiveInfo';
import { LivekitServerNote } from '../settings/LivekitServerNote';
import { UplinkPlan } from '../multistream/UplinkBudget';

/** The go-live card: resume offer, form, progress, errors and, once live, the stream details. */
export function GoLivePanel() {
  const phase = useStudio(selectLivePhase);
  const live = useStudio(selectIsLive);
  const starting = useStudio(selectIsStarting);
  const session = useStudio(selectLiveSession);
  const error = useStudio(selectLiveError);
  const ended = useStudio(selectLiveEnded);
  const endedElsewhere = useStudio(selectLiveEndedElsewhere);
  const resumeOffer = useStudio(selectResumeOffer);
  const lost = useStudio(selectLiveLost);
  const retryAttempt = useStudio(selectLiveRetryAttempt);
  const recording = useStudio(selectRecording);
  const keepsFile = useStudio(selectRecordLocally);
  const { resumeStream, reconnectStream, endResumeOffer, dismissLiveNotice } = useStudio.getState();

  return (
    <section className="card golive-card" aria-labelledby="golive-heading">
      <h2 id="golive-heading">{live ? 'On air' : 'Go live'}</h2>
      <LivekitServerNote />
      {error && <LiveErrorNotice error={error} />}
      {resumeOffer && phase === 'idle' && (
        <div className="notice notice-warn" role="alert">
          <strong>“{resumeOffer.title}” is still live</strong>
          <p>The studio was reloaded while you were live. Resume to reconnect and publish again, or end the stream.</p>
          <div className="notice-actions">
            <button type="button" className="primary" onClick={() => void resumeStream()}>
              Resume stream
            </button>
            <button type="button" className="danger" onClick={() => void endResumeOffer()}>
              End the stream
            </button>
          </div>
        </div>
      )}
      {ended && phase === 'idle' && (
        <div className="notice notice-ok" role="status">
          <strong>Stream ended</strong>
          <p>
            {formatDuration(ended.durationMs)} on air · peak {ended.peakViewers} {ended.peakViewers === 1 ? 'viewer' : 'viewers'}. It is
            saved in History.
            {keepsFile &&
              recording.state === 'saved' &&
              ` Recording: ${formatBytes(recording.bytes)}, ${formatDuration(recording.durationMs)} — open it from the stream in History.`}
            {recording.state === 'stopping' && ' Finishing the recording…'}
          </p>
          <button type="button" onClick={dismissLiveNotice}>
            Dismiss
          </button>
        </div>
      )}
      {endedElsewhere && phase === 'idle' && (
        <div className="notice notice-warn" role="status">
          <strong>The stream is no longer live</strong>
          <p>It was ended outside this studio (the room was closed).</p>
        </div>
      )}
      {retryAttempt !== null && live && (
        <div className="notice notice-warn" role="alert">
          <strong>Reconnecting to LiveKit… attempt {retryAttempt}</strong>
          <p>
            LiveKit dropped the studio. It keeps trying and publishes again as soon as the server answers; viewers get the picture back
            without reloading.
          </p>
          <div className="notice-actions">
            <button type="button" className="primary" onClick={reconnectStream}>
              Reconnect now
            </button>
          </div>
        </div>
      )}
      {lost && live && (
        <div className="notice notice-error" role="alert">
          <strong>Connection to LiveKit lost</strong>
          <p>Viewers may see you frozen. Reconnect to publish again, or end the stream.</p>
          <div className="notice-actions">
            <button type="button" className="primary" onClick={reconnectStream}>
              Reconnect
            </button>
          </div>
        </div>
      )}
      {starting && <GoLiveProgress phase={phase} />}
      {live && session && <LiveInfo session={session} />}
      {phase === 'idle' && !resumeOffer && <GoLiveForm />}
      {phase === 'idle' && !resumeOffer && <UplinkPlan />}
    </section>
  );
}
