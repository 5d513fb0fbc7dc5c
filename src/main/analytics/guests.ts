import type { GuestSummary, QualityChange } from '../../shared/domain/history';
import { mergeSpans, spanTotal, type Span } from './viewerTimeline';

export interface StageStint {
  identity: string;
  name: string;
  onAt: number;
  offAt: number | null;
}

export interface QualityEvent extends QualityChange {
  identity: string;
}

/**
 * Every guest of a stream — whoever joined as a guest or stood on stage — with their stage time
 * (stints clipped to the stream, still-open ones closed at its end, overlaps merged) and their
 * connection-quality changes. Most stage time first.
 */
export function summarizeGuests(input: {
  stints: readonly StageStint[];
  quality: readonly QualityEvent[];
  guestSessions: readonly { identity: string; name: string }[];
  window: Span;
}): GuestSummary[] {
  const names = new Map<string, string>();
  for (const session of input.guestSessions) if (session.name) names.set(session.identity, session.name);
  for (const stint of input.stints) if (stint.name) names.set(stint.identity, stint.name);
  const identities = new Set([...input.guestSessions.map((s) => s.identity), ...input.stints.map((s) => s.identity)]);

  const guests = [...identities].map((identity): GuestSummary => {
    const spans: Span[] = input.stints
      .filter((stint) => stint.identity === identity)
      .map((stint) => ({
        start: Math.max(stint.onAt, input.window.start),
        end: Math.min(stint.offAt ?? input.window.end, input.window.end),
      }))
      .filter((span) => span.end > span.start);
    const merged = mergeSpans(spans);
    return {
      identity,
      name: names.get(identity) ?? identity,
      stageMs: spanTotal(merged),
      stints: merged.map((span) => ({ onAt: span.start, offAt: span.end })),
      quality: input.quality
        .filter((event) => event.identity === identity)
        .sort((a, b) => a.at - b.at)
        .map(({ at, quality }) => ({ at, quality })),
    };
  });
  return guests.sort((a, b) => b.stageMs - a.stageMs || a.name.localeCompare(b.name));
}
