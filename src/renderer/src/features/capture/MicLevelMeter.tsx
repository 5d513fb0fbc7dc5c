import { useEffect, useRef } from 'react';
import { createLevelReader } from './audioLevel';

/**
 * A live microphone level. It draws on every animation frame by writing a CSS variable, not
 * React state, so a talking host does not re-render the studio 60 times a second; the
 * accessible value is refreshed four times a second.
 */
export function MicLevelMeter(props: { track: MediaStreamTrack | null; muted: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const meter = ref.current;
    if (!meter || !props.track || props.muted) {
      meter?.style.setProperty('--level', '0');
      meter?.setAttribute('aria-valuenow', '0');
      return;
    }
    let reader: ReturnType<typeof createLevelReader>;
    try {
      reader = createLevelReader(props.track);
    } catch {
      return; // No Web Audio (very old engines): the meter stays empty rather than failing the page.
    }
    let frame = 0;
    let smoothed = 0;
    let lastAria = 0;
    const draw = (now: number) => {
      // Fast attack, slow release: peaks show, and the bar does not flicker between syllables.
      const level = reader.read();
      smoothed = level > smoothed ? level : smoothed * 0.85 + level * 0.15;
      meter.style.setProperty('--level', smoothed.toFixed(3));
      if (now - lastAria > 250) {
        lastAria = now;
        meter.setAttribute('aria-valuenow', String(Math.round(smoothed * 100)));
      }
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(frame);
      reader.close();
    };
  }, [props.track, props.muted]);
  return (
    <div
      ref={ref}
      className={props.muted ? 'level-meter muted' : 'level-meter'}
      role="meter"
      aria-label="Microphone level"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={0}
    >
      <div className="level-fill" />
    </div>
  );
}
