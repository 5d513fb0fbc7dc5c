import type { ViewerPoint } from '../../shared/domain/history';

/** A half-open span of time [start, end) in epoch ms. */
export interface Span {
  start: number;
  end: number;
}

/** A join/leave pair as recorded; `leftAt` is null when the stream ended with them still there. */
export interface Attendance {
  identity: string;
  joinedAt: number;
  leftAt: number | null;
}

/**
 * Each person's time in the stream as disjoint spans inside `window`. Sessions still open count
 * until the window ends; overlapping sessions of one identity (a replayed webhook, a second tab)
 * are merged, so a person never counts twice at the same moment.
 */
export function attendanceByPerson(sessions: readonly Attendance[], window: Span): Map<string, Span[]> {
  const raw = new Map<string, Span[]>();
  for (const session of sessions) {
    const start = Math.max(session.joinedAt, window.start);
    const end = Math.min(session.leftAt ?? window.end, window.end);
    if (end <= start) continue;
    const list = raw.get(session.identity) ?? [];
    list.push({ start, end });
    raw.set(session.identity, list);
  }
  const merged = new Map<string, Span[]>();
  for (const [identity, spans] of raw) merged.set(identity, mergeSpans(spans));
  return merged;
}

/** Sorts and merges overlapping or touching spans. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/** Total length of disjoint spans. */
export function spanTotal(spans: readonly Span[]): number {
  return spans.reduce((sum, span) => sum + (span.end - span.start), 0);
}

export interface Concurrency {
  /** Step series: the count holds from each point until the next. Starts at window.start. */
  timeline: ViewerPoint[];
  peak: number;
  /** Time-weighted mean over the window (0 for an empty window). */
  average: number;
  /** The area under the curve: the sum of everyone's time watching. */
  totalMs: number;
}

/** Concurrent people over time from their spans, exactly (no sampling). */
export function concurrency(spansByPerson: ReadonlyMap<string, readonly Span[]>, window: Span): Concurrency {
  const deltas = new Map<number, number>();
  for (const spans of spansByPerson.values()) {
    for (const span of spans) {
      deltas.set(span.start, (deltas.get(span.start) ?? 0) + 1);
      deltas.set(span.end, (deltas.get(span.end) ?? 0) - 1);
    }
  }
  const times = [...new Set([window.start, ...deltas.keys(), window.end])].sort((a, b) => a - b);
  const timeline: ViewerPoint[] = [];
  let count = 0;
  let peak = 0;
  let area = 0;
  for (const [i, at] of times.entries()) {
    count += deltas.get(at) ?? 0;
    peak = Math.max(peak, count);
    timeline.push({ at, viewers: count });
    const next = times[i + 1];
    if (next !== undefined) area += count * (next - at);
  }
  const length = window.end - window.start;
  return { timeline, peak, average: length > 0 ? area / length : 0, totalMs: area };
}
