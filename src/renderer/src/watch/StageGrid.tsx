import { useEffect, useRef } from 'react';
import type { AttachTrack } from './VideoTile';
import { MicOffIcon } from '../icons';
import type { StageSeat } from './stageTiles';

export interface StageGridProps {
  seats: StageSeat[];
  attach: AttachTrack;
  /** A guest's page shows its own seat from the local camera; viewers have no seat of their own. */
  attachSelf?: (element: HTMLVideoElement) => () => void;
  selfCameraSid?: string | null;
}

function SeatVideo({ seat, attach, attachSelf, selfCameraSid }: { seat: StageSeat } & Omit<StageGridProps, 'seats'>) {
  const ref = useRef<HTMLVideoElement>(null);
  const trackSid = seat.self ? (selfCameraSid ?? null) : (seat.video?.trackSid ?? null);
  const subscription = seat.video?.subscription ?? 0;
  useEffect(() => {
    const element = ref.current;
    if (!element || !trackSid) return;
    return seat.self && attachSelf ? attachSelf(element) : attach(trackSid, element);
  }, [seat.self, trackSid, subscription, attach, attachSelf]);
  if (!trackSid) return <span className="seat-initial">{seat.name.slice(0, 1).toUpperCase()}</span>;
  return <video ref={ref} autoPlay playsInline muted className={seat.self ? 'mirrored' : undefined} />;
}

/** The stage guests under the host's program, in slot order like the studio's 2x2 grid. */
export function StageGrid({ seats, attach, attachSelf, selfCameraSid }: StageGridProps) {
  return (
    <ul className="stage-grid" aria-label="On stage">
      {seats.map((seat) => (
        <li
          key={seat.identity}
          className={`seat${seat.self ? ' seat--self' : ''}${seat.spotlit ? ' seat--spotlit' : ''}`}
          aria-label={seat.self ? `${seat.name} (you)` : seat.name}
        >
          <SeatVideo seat={seat} attach={attach} attachSelf={attachSelf} selfCameraSid={selfCameraSid} />
          {seat.spotlit && <span className="seat-spotlight">Spotlight</span>}
          <span className="seat-name">
            {seat.micMuted && !seat.self && <MicOffIcon />}
            {seat.self ? `${seat.name} (you)` : seat.name}
          </span>
        </li>
      ))}
    </ul>
  );
}
