import { useEffect, useRef } from 'react';
import type { ProgramTile } from './programLayout';

/** Plays a remote track in an element and returns the function that stops it. */
export type AttachTrack = (trackSid: string, element: HTMLMediaElement) => () => void;

export interface VideoTileProps {
  tile: ProgramTile;
  attach: AttachTrack;
}

/**
 * One video on the program. Keyed by track sid by its parent, so a layout change only moves
 * the tile (a CSS class) and the element keeps decoding; it re-attaches only on a new
 * subscription of the track.
 */
export function VideoTile({ tile, attach }: VideoTileProps) {
  const ref = useRef<HTMLVideoElement>(null);
  const { trackSid, subscription, participantName, source } = tile.video;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    return attach(trackSid, element);
  }, [attach, trackSid, subscription]);
  const label = source === 'screen' ? `${participantName}'s screen` : `${participantName}'s camera`;
  return (
    <figure className={`tile tile--${tile.slot} tile--${source}`} aria-label={label}>
      <video ref={ref} autoPlay playsInline muted />
      {source === 'camera' && tile.slot !== 'main' && <figcaption className="tile-name">{participantName}</figcaption>}
    </figure>
  );
}
