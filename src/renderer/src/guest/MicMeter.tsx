import { useEffect, useRef, useState } from 'react';
import { watchMicLevel } from './micMeter';

export interface MicMeterProps {
  /** The microphone to measure; null shows an empty meter. */
  track: MediaStreamTrack | null;
  /** Muted: the meter stays empty so the guest sees nothing goes out. */
  muted?: boolean;
}

/** Number of bars; the level lights them from the left. */
const BARS = 16;

/**
 * A level meter for the microphone, so a guest can see the mic hears them before going on. The
 * level is read per animation frame outside React; only the lit bar count is state.
 */
export function MicMeter({ track, muted = false }: MicMeterProps) {
  const [lit, setLit] = useState(0);
  const last = useRef(0);
  useEffect(() => {
    if (!track || muted) return;
    const stop = watchMicLevel(track, (level) => {
      const bars = Math.round(level * BARS);
      if (bars !== last.current) {
        last.current = bars;
        setLit(bars);
      }
    });
    return () => {
      stop();
      last.current = 0;
      setLit(0);
    };
  }, [track, muted]);
  const shown = track && !muted ? lit : 0;
  return (
    <div className="mic-meter" role="meter" aria-label="Microphone level" aria-valuemin={0} aria-valuemax={BARS} aria-valuenow={shown}>
      {Array.from({ length: BARS }, (_, i) => (
        <span key={i} className={`mic-bar${i < shown ? ' mic-bar--on' : ''}${i >= BARS * 0.8 ? ' mic-bar--hot' : ''}`} />
      ))}
    </div>
  );
}
