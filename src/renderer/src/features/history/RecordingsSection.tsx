import { useState } from 'react';
import type { StreamDetail } from '../../../../shared/domain/history';
import type { Recording } from '../../../../shared/domain/recording';
import { formatBytes, formatDuration } from '../../components/format';
import { useStudioClient } from '../../store';
import { formatClock } from './timeFormat';

const STATUS_TEXT: Record<Recording['status'], string> = {
  recording: 'Recording now',
  complete: 'Complete',
  interrupted: 'Interrupted — kept up to the last second written',
  failed: 'Stopped early',
};

/**
 * The stream's local recordings (a studio reload mid-stream starts a new file): size, length and
 * state, played right here, and shown in the file manager on the desktop.
 */
export function RecordingsSection(props: { detail: StreamDetail }) {
  const { recordings } = props.detail;
  const studio = useStudioClient();
  const [playing, setPlaying] = useState<{ id: string; url: string } | null>(null);
  const [located, setLocated] = useState<{ id: string; path: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const play = async (recording: Recording) => {
    setError(null);
    const answer = await studio.invoke('recording.playback', { recordingId: recording.id });
    // Served by the embedded server, the page plays from its own origin (which may be another
    // machine's address); the desktop window is an app:// page and uses the loopback address.
    if (answer.ok) setPlaying({ id: recording.id, url: location.protocol.startsWith('http') ? answer.value.path : answer.value.url });
    else setError(answer.error.message);
  };
  const reveal = async (recording: Recording) => {
    setError(null);
    const answer = await studio.invoke('recording.reveal', { recordingId: recording.id });
    if (answer.ok) setLocated({ id: recording.id, path: answer.value.path });
    else setError(answer.error.message);
  };

  return (
    <section className="card" aria-labelledby="hist-recordings-title">
      <h2 id="hist-recordings-title">Recording</h2>
      {recordings.length === 0 ? (
        <p className="hint">This stream was not recorded. Recording is on by default; see Settings → Streaming.</p>
      ) : (
        <ul className="recordings">
          {recordings.map((recording) => (
            <li key={recording.id} className="recording">
              <div className="recording-facts">
                <strong>{recording.fileName}</strong>
                <span className="hint">
                  Started {formatClock(recording.startedAt)} · {formatDuration(recording.durationMs)} · {formatBytes(recording.bytes)} ·{' '}
                  {recording.error ? `${STATUS_TEXT[recording.status]}: ${recording.error}` : STATUS_TEXT[recording.status]}
                </span>
                {located?.id === recording.id && <span className="hint recording-path">Saved at {located.path}</span>}
              </div>
              <div className="recording-actions">
                <button type="button" onClick={() => void play(recording)} disabled={recording.bytes === 0}>
                  Play
                </button>
                <button type="button" onClick={() => void reveal(recording)}>
                  Show file
                </button>
              </div>
              {playing?.id === recording.id && (
                <video className="recording-player" src={playing.url} controls autoPlay aria-label={`Recording ${recording.fileName}`} />
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
