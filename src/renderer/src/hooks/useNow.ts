import { useEffect, useState } from 'react';

/** How often a "now" moves by default: once a second suits elapsed-time counters and countdowns. */
export const SECOND_MS = 1_000;

/**
 * The current time, refreshed every `everyMs` while `active`. `active` may read the last "now"
 * (a countdown stops ticking once everything it counts down to has passed). The first tick comes
 * within one interval; callers clamp a stale "now" so nothing jumps.
 */
export function useNow(everyMs: number = SECOND_MS, active: boolean | ((now: number) => boolean) = true): number {
  const [now, setNow] = useState(() => Date.now());
  const ticking = typeof active === 'function' ? active(now) : active;
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [ticking, everyMs]);
  return now;
}
