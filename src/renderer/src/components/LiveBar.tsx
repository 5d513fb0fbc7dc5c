import { SECOND_MS, useNow } from '../hooks/useNow';
import type { HostQuality } from '../livekit/hostRoom';
import { useStudio } from '../store';
import {
  selectHasResumeOffer,
  selectLiveBitrateKbps,
  selectLiveConnection,
  selectLiveFps,
  selectLivePhase,
  selectLiveQuality,
  selectLiveRecovered,
  selectLiveRetryAttempt,
  selectLiveStartedAt,
  selectLiveViewers,
} from '../store/selectors/live';
import { formatDuration } from './format';
import { RecordingBadge } from './RecordingBadge';
import { EyeIcon, UploadIcon } from '../icons';

const QUALITY_LABEL: Record<HostQuality, string> = {
  excellent: 'Excellent',
  good: 'Good',
  poor: 'Poor',
  lost: 'Lost',
  unknown: 'Checking',
};

function useElapsed(startedAt: number | null): number {
  const now = useNow(SECOND_MS, startedAt !== null);
  return startedAt === null ? 0 : Math.max(0, now - startedAt);
}

function formatBitrate(kbps: number): string {
  return kbps >= 1000 ? `${(kbps / 1000).toFixed(1)} Mbps` : `${kbps} kbps`;
}

/**
 * The stream's state in the top bar: Not live, Going live, LIVE with elapsed time, viewers,
 * connection quality, outgoing bitrate and fps, Reconnecting (with the studio's own attempt
 * number once LiveKit gave up) and, for a moment after, Reconnected.
 */
export function LiveBar() {
  const phase = useStudio(selectLivePhase);
  const startedAt = useStudio(selectLiveStartedAt);
  const connection = useStudio(selectLiveConnection);
  const retryAttempt = useStudio(selectLiveRetryAttempt);
  const recovered = useStudio(selectLiveRecovered);
  const quality = useStudio(selectLiveQuality);
  const viewers = useStudio(selectLiveViewers);
  const bitrate = useStudio(selectLiveBitrateKbps);
  const fps = useStudio(selectLiveFps);
  const resumable = useStudio(selectHasResumeOffer);
  const onAir = phase === 'live' || phase === 'ending';
  const elapsed = useElapsed(onAir ? startedAt : null);

  if (!onAir && resumable && phase === 'idle') {
    // Main still has the stream live, but this studio is not publishing to it (after a reload).
    return (
      <div className="live-bar troubled" role="status" aria-label="Stream status">
        <span className="live-pill warn">
          <span className="live-dot live" aria-hidden="true" />
          Live · studio not connected
        </span>
      </div>
    );
  }
  if (!onAir) {
    const starting = phase !== 'idle';
    return (
      <div className="live-status" role="status" aria-label="Stream status">
        <span className={starting ? 'live-dot starting' : 'live-dot idle'} aria-hidden="true" />
        {starting ? 'Going live…' : 'Not live'}
      </div>
    );
  }
  const troubled = connection === 'reconnecting' || connection === 'lost';
  return (
    <div className={troubled ? 'live-bar troubled' : 'live-bar'} role="status" aria-label="Stream status">
      <span className={troubled ? 'live-pill warn' : 'live-pill'}>
        <span className="live-dot live" aria-hidden="true" />
        {connection === 'reconnecting'
          ? retryAttempt === null
            ? 'Reconnecting…'
            : `Reconnecting… attempt ${retryAttempt}`
          : connection === 'lost'
            ? 'Connection lost'
            : phase === 'ending'
              ? 'Ending…'
              : recovered
                ? 'LIVE · Reconnected'
                : 'LIVE'}
      </span>
      <span className="metric" aria-label={`Elapsed ${formatDuration(elapsed)}`}>
        {formatDuration(elapsed)}
      </span>
      <span className="metric" aria-label={`${viewers} ${viewers === 1 ? 'viewer' : 'viewers'}`}>
        <EyeIcon /> {viewers}
      </span>
      <span
        className={`metric quality q-${quality}`}
        aria-label={quality === 'unknown' ? 'Connection being checked' : `Connection ${QUALITY_LABEL[quality].toLowerCase()}`}
      >
        <span className="bars" aria-hidden="true">
          <i />
          <i />
          <i />
        </span>
        {QUALITY_LABEL[quality]}
      </span>
      {bitrate === null || fps === null ? (
        // The send rate needs two samples a second apart; until then say so instead of "— fps".
        <span className="metric muted">
          <UploadIcon /> Measuring send rate…
        </span>
      ) : (
        <>
          <span className="metric" aria-label={`Sending ${formatBitrate(bitrate)}`}>
            <UploadIcon /> {formatBitrate(bitrate)}
          </span>
          <span className="metric" aria-label={`${fps} frames per second`}>
            {fps} fps
          </span>
        </>
      )}
      <RecordingBadge />
    </div>
  );
}
