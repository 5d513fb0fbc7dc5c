import type { ConnectionQuality, GuestSummary, StreamDetail } from '../../../../shared/domain/history';

/**
 * Chart series and the plain-language summaries that stand in for each chart for screen readers
 * and anyone who prefers numbers. Pure functions: the components only draw what these return.
 */

const MINUTE = 60_000;

/** Minutes since `start`, to one decimal (charts share one x axis: time into the stream). */
export function minutesSince(at: number, start: number): number {
  return Math.round(((at - start) / MINUTE) * 10) / 10;
}

/** "12 min" / "1 h 05 min" for an axis tick or a sentence. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(Math.round(minutes % 60)).padStart(2, '0')} min`;
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** One decimal, without a trailing ".0". */
export function formatAverage(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export interface ViewerChartPoint {
  minute: number;
  viewers: number;
}

export function viewerSeries(detail: StreamDetail): ViewerChartPoint[] {
  return detail.viewers.timeline.map((p) => ({ minute: minutesSince(p.at, detail.stream.startedAt), viewers: p.viewers }));
}

export function viewerSummary(detail: StreamDetail): string {
  const series = viewerSeries(detail);
  if (series.length === 0) return 'No viewer counts were recorded for this stream.';
  const peak = series.reduce((best, p) => (p.viewers > best.viewers ? p : best), series[0]!);
  return `Peak of ${peak.viewers} concurrent ${peak.viewers === 1 ? 'viewer' : 'viewers'} first reached at ${formatMinutes(peak.minute)}; average ${formatAverage(detail.viewers.average)}.`;
}

export function chatSummary(detail: StreamDetail): string {
  const busiest = detail.chatPerMinute.reduce(
    (best, m) => (m.shown + m.moderated > best.shown + best.moderated ? m : best),
    detail.chatPerMinute[0] ?? { minute: 0, shown: 0, moderated: 0 },
  );
  const total = detail.chat.total;
  if (total === 0) return 'Nobody wrote in the chat.';
  return `${total} ${total === 1 ? 'message' : 'messages'}; the busiest minute was ${formatMinutes(busiest.minute)} with ${busiest.shown + busiest.moderated} (${busiest.moderated} moderated).`;
}

export function retentionSummary(detail: StreamDetail): string {
  const curve = detail.viewers.retention;
  if (curve.length === 0) return 'Retention needs join and leave events of viewers; none were recorded for this stream.';
  const half = [...curve].reverse().find((p) => p.share >= 0.5);
  const last = curve.at(-1)!;
  return `${half ? `Half of the viewers watched at least ${formatMinutes(half.minute)}` : 'Fewer than half watched for a minute'}; ${formatPercent(last.share)} watched ${formatMinutes(last.minute)} or more.`;
}

/** Quality as a level for a step chart: higher is better, 0 is a lost connection. */
export const QUALITY_LEVEL: Record<ConnectionQuality, number> = { lost: 0, poor: 1, good: 2, excellent: 3 };
export const QUALITY_NAMES = ['lost', 'poor', 'good', 'excellent'] as const;

export interface QualityChartPoint {
  minute: number;
  level: number;
  quality: ConnectionQuality;
}

/** A guest's quality changes, held until the end of the stream so the last level is drawn. */
export function qualitySeries(guest: GuestSummary, start: number, end: number): QualityChartPoint[] {
  const points = guest.quality.map((q) => ({ minute: minutesSince(q.at, start), level: QUALITY_LEVEL[q.quality], quality: q.quality }));
  const last = points.at(-1);
  if (last && last.minute < minutesSince(end, start)) points.push({ ...last, minute: minutesSince(end, start) });
  return points;
}

export function qualitySummary(guest: GuestSummary, start: number): string {
  if (guest.quality.length === 0) return `${guest.name}: no connection-quality changes were recorded.`;
  const changes = guest.quality.map((q) => `${q.quality} at ${formatMinutes(minutesSince(q.at, start))}`);
  return `${guest.name}: ${changes.join(', ')}.`;
}
