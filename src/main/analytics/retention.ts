import type { RetentionPoint } from '../../shared/domain/history';

const MINUTE = 60_000;
/** Points a curve may have: one a minute for two hours, coarser beyond. */
const MAX_POINTS = 120;

/**
 * The retention curve: for t = 0, 1, 2… minutes, how many viewers (and what share) watched for
 * at least t minutes in total. Each viewer contributes their whole watch time — the sum of their
 * session lengths — so a reconnect does not count as a second, shorter viewer. The step grows
 * past two hours so the curve stays at most `maxPoints` long; the last minute is always shown.
 */
export function retentionCurve(watchMs: readonly number[], maxPoints = MAX_POINTS): RetentionPoint[] {
  const watched = watchMs.filter((ms) => ms > 0);
  if (watched.length === 0) return [];
  const lastMinute = Math.ceil(Math.max(...watched) / MINUTE);
  const step = Math.max(1, Math.ceil(lastMinute / maxPoints));
  const minutes: number[] = [];
  for (let minute = 0; minute <= lastMinute; minute += step) minutes.push(minute);
  if (minutes.at(-1) !== lastMinute) minutes.push(lastMinute);
  return minutes.map((minute) => {
    const viewers = watched.filter((ms) => ms >= minute * MINUTE).length;
    return { minute, viewers, share: viewers / watched.length };
  });
}
