import { useStudio } from '../store';
import { selectRecordLocally } from '../store/selectors/settings';
import { selectRecording } from '../store/selectors/recording';
import { formatBytes } from './format';

/**
 * "REC 3.4 MB" beside the live metrics while the program is being recorded; a warning pill
 * when recording stopped on its own (the stream itself goes on).
 */
export function RecordingBadge() {
  const recording = useStudio(selectRecording);
  // With recording off the program still runs for multistream destinations; no file, so no badge.
  const keepsFile = useStudio(selectRecordLocally);
  if (!keepsFile && recording.state !== 'failed') return null;
  switch (recording.state) {
    case 'recording':
    case 'stopping':
      // The first second of a recording has nothing on disk yet: say it is starting, not "0 B".
      if (recording.bytes === 0 && recording.state === 'recording') return <span className="metric rec">Recording starts…</span>;
      return (
        <span className="metric rec" aria-label={`Recording, ${formatBytes(recording.bytes)} saved`}>
          <span className="rec-dot" aria-hidden="true" /> REC {formatBytes(recording.bytes)}
        </span>
      );
    case 'starting':
      return <span className="metric rec">Starting recording…</span>;
    case 'failed':
      return (
        <span className="metric rec-failed" role="alert" title={recording.message}>
          {keepsFile ? 'Not recording' : 'Program stopped'}: {recording.message}
        </span>
      );
    default:
      return null;
  }
}
