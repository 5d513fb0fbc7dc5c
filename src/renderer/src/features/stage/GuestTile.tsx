import { CameraIcon, CameraOffIcon, MicIcon, MicOffIcon, QualityBars } from '../../icons';
import type { StageGuest } from '../../../../shared/domain/stage';
import type { GuestMedia } from '../../livekit/hostStageTypes';
import { TrackVideo } from '../capture/TrackVideo';
import { GuestControls } from './GuestControls';
import { tileView } from './guestTileState';
import { TrackAudio } from './TrackAudio';

const QUALITY_LEVEL = { excellent: 4, good: 3, poor: 1, lost: 0, unknown: 0 } as const;

/** One guest on stage: video, name, mic/camera state, speaking ring, link quality and controls. */
export function GuestTile(props: { guest: StageGuest; media: GuestMedia | undefined; spotlit: boolean; onKick(identity: string): void }) {
  const { guest, media, spotlit } = props;
  const view = tileView(media);
  const classes = ['guest-tile', view.speaking ? 'speaking' : '', spotlit ? 'spotlit' : '', `quality-${view.quality}`]
    .filter(Boolean)
    .join(' ');
  return (
    <article className={classes} aria-label={guest.name} data-speaking={view.speaking} data-identity={guest.identity}>
      <div className="guest-media">
        {media?.camera && view.overlay === 'none' && (
          <TrackVideo track={media.camera} label={`Video of ${guest.name}`} className="guest-video" />
        )}
        {view.overlayText && (
          <div className={`guest-overlay ${view.overlay}`} role="status">
            {view.overlayText}
          </div>
        )}
        {media?.microphone && <TrackAudio track={media.microphone} />}
        {spotlit && <span className="guest-badge">Spotlight</span>}
      </div>
      <div className="guest-bar">
        <span className="guest-name" title={guest.name}>
          {guest.name}
        </span>
        <span
          className={`guest-state mic-${view.micState}`}
          role="img"
          aria-label={view.micState === 'on' ? 'Microphone on' : view.micState === 'muted' ? 'Microphone muted' : 'No microphone'}
        >
          {view.micState === 'on' ? <MicIcon /> : <MicOffIcon />}
        </span>
        <span
          className={`guest-state camera-${view.cameraState}`}
          role="img"
          aria-label={view.cameraState === 'on' ? 'Camera on' : view.cameraState === 'off' ? 'Camera off' : 'No camera'}
        >
          {view.cameraState === 'on' ? <CameraIcon /> : <CameraOffIcon />}
        </span>
        <span className={`guest-quality ${view.quality}`} role="img" aria-label={view.qualityText} title={view.qualityText}>
          <QualityBars level={QUALITY_LEVEL[view.quality]} />
        </span>
      </div>
      <GuestControls guest={guest} view={view} spotlit={spotlit} onKick={props.onKick} />
    </article>
  );
}
