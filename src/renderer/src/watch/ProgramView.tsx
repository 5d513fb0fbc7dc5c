import type { ReactNode } from 'react';
import type { ProgramLayout } from '../../../shared/domain/program';
import { MicOffIcon, SpeakerOffIcon } from '../icons';
import type { HostView, ProgramTile } from './programLayout';
import { VideoTile, type AttachTrack } from './VideoTile';

export interface ProgramViewProps {
  layout: ProgramLayout;
  tiles: ProgramTile[];
  host: HostView | null;
  reconnecting: boolean;
  playbackBlocked: boolean;
  onUnmute: () => void;
  attach: AttachTrack;
  /** Extra overlays drawn over the program (e.g. a highlighted chat message as a lower third). */
  children?: ReactNode;
}

/** What the stage shows while the host has no video: audio only, or waiting for the picture. */
function EmptyStage({ host }: { host: HostView | null }) {
  if (!host) return <p className="program-empty">The host will be right back.</p>;
  return (
    <div className="program-empty">
      <span className="avatar" aria-hidden="true">
        {host.name.slice(0, 1).toUpperCase()}
      </span>
      <p>{host.mic === 'on' ? `${host.name} is on audio only.` : `${host.name}'s video will appear here.`}</p>
    </div>
  );
}

/**
 * The program as the host composed it: tiles placed by slot over one stage, plus the overlays a
 * viewer needs (host muted, reconnecting, click to unmute). Tiles are flat children keyed by
 * track so a layout change never remounts a playing video.
 */
export function ProgramView({ layout, tiles, host, reconnecting, playbackBlocked, onUnmute, attach, children }: ProgramViewProps) {
  const hasSide = tiles.some((t) => t.slot === 'side');
  return (
    <div className={`program${hasSide ? ' program--side' : ''}`} data-main={layout.main} data-camera={layout.camera}>
      {tiles.map((tile) => (
        <VideoTile key={tile.video.trackSid} tile={tile} attach={attach} />
      ))}
      {tiles.length === 0 && !reconnecting && <EmptyStage host={host} />}
      {host && host.mic !== 'on' && (
        <p className="host-muted" role="status" aria-label={`${host.name} is muted`}>
          <MicOffIcon /> {host.mic === 'muted' ? 'Host muted' : 'No microphone'}
        </p>
      )}
      {children}
      {reconnecting && (
        <div className="program-overlay" role="status">
          <span className="spinner" aria-hidden="true" /> Reconnecting…
        </div>
      )}
      {playbackBlocked && !reconnecting && (
        <button type="button" className="unmute" onClick={onUnmute}>
          <SpeakerOffIcon /> Click to unmute
        </button>
      )}
    </div>
  );
}
