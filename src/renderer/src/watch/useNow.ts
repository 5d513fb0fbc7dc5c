import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` while `active`; for the elapsed-time counter. */
export function useNow(active: boolean, intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    // The first tick comes within one interval; callers clamp a stale "now" so nothing jumps.
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
