import type { ModerationKind } from '../../../../shared/domain/chat';

/**
 * When and what to tell a screen reader about new queue items. One sentence per held message is
 * fine for a quiet chat and useless in a raid: the reader falls minutes behind and every decision
 * the moderator makes is drowned out. So arrivals are throttled and batched:
 *
 * - after a quiet spell, the first arrival is announced at once, in full ("Held message from Ana…");
 * - arrivals during the hold-off are counted and said together when it ends ("12 new held messages");
 * - while arrivals keep coming, each hold-off is twice the last (2 s, 4 s, 8 s at most), so a long
 *   flood costs a handful of announcements; a full hold-off without arrivals resets it to 2 s.
 *
 * Never more than one arrival announcement per `minGapMs`. Pure: the caller supplies the clock and
 * runs a timer to call `flush` at `flushAt`. Decisions the moderator makes are not throttled here:
 * they answer the moderator's own key press.
 */

export interface ArrivalThrottleOptions {
  minGapMs: number;
  maxGapMs: number;
}

export const ARRIVAL_THROTTLE: ArrivalThrottleOptions = { minGapMs: 2000, maxGapMs: 8000 };

export interface ArrivalState {
  /** When the last arrival announcement was made (null: never). */
  lastAt: number | null;
  /** The hold-off after `lastAt`. */
  gapMs: number;
  /** Arrivals not yet announced, by kind. */
  pending: Record<ModerationKind, number>;
  /** The queue's length after the latest pending arrival. */
  queueCount: number;
}

export interface ArrivalStep {
  state: ArrivalState;
  /** A sentence to announce now, or null. */
  say: string | null;
  /** When the caller must call `flush` (null: nothing pending). */
  flushAt: number | null;
}

const NONE: Record<ModerationKind, number> = { held_message: 0, report: 0, stage_request: 0 };

export function initialArrivals(options: ArrivalThrottleOptions = ARRIVAL_THROTTLE): ArrivalState {
  return { lastAt: null, gapMs: options.minGapMs, pending: { ...NONE }, queueCount: 0 };
}

function pendingTotal(state: ArrivalState): number {
  return state.pending.held_message + state.pending.report + state.pending.stage_request;
}

const NOUN: Record<ModerationKind, [string, string]> = {
  held_message: ['new held message', 'new held messages'],
  report: ['new report', 'new reports'],
  stage_request: ['new stage request', 'new stage requests'],
};

/** "12 new held messages and 1 new report. 40 in queue." */
export function describeBatch(pending: Record<ModerationKind, number>, queueCount: number): string {
  const parts = (Object.keys(NOUN) as ModerationKind[])
    .filter((kind) => pending[kind] > 0)
    .map((kind) => `${pending[kind]} ${NOUN[kind][pending[kind] === 1 ? 0 : 1]}`);
  const list = parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `${list}. ${queueCount === 0 ? 'Queue is empty.' : `${queueCount} in queue.`}`;
}

/**
 * A new item arrived. `describe` gives its full sentence, used only when it is announced alone
 * right away (it is a function so a batched arrival costs no string building).
 */
export function arrive(
  state: ArrivalState,
  kind: ModerationKind,
  queueCount: number,
  now: number,
  describe: () => string,
  options: ArrivalThrottleOptions = ARRIVAL_THROTTLE,
): ArrivalStep {
  const quiet = state.lastAt === null || now - state.lastAt >= state.gapMs;
  if (quiet && pendingTotal(state) === 0) {
    // A whole hold-off passed without arrivals: back to the shortest gap.
    const next: ArrivalState = { lastAt: now, gapMs: options.minGapMs, pending: { ...NONE }, queueCount };
    return { state: next, say: describe(), flushAt: null };
  }
  const next: ArrivalState = { ...state, pending: { ...state.pending, [kind]: state.pending[kind] + 1 }, queueCount };
  return { state: next, say: null, flushAt: (state.lastAt ?? now) + state.gapMs };
}

/**
 * The hold-off may have ended: announce what is pending, and lengthen the next hold-off.
 * `queueCount` is the queue's length now (decisions may have shortened it since the last arrival).
 */
export function flush(
  state: ArrivalState,
  now: number,
  queueCount: number = state.queueCount,
  options: ArrivalThrottleOptions = ARRIVAL_THROTTLE,
): ArrivalStep {
  if (pendingTotal(state) === 0) return { state, say: null, flushAt: null };
  const due = (state.lastAt ?? now) + state.gapMs;
  if (now < due) return { state, say: null, flushAt: due };
  const next: ArrivalState = {
    lastAt: now,
    gapMs: Math.min(state.gapMs * 2, options.maxGapMs),
    pending: { ...NONE },
    queueCount,
  };
  return { state: next, say: describeBatch(state.pending, queueCount), flushAt: null };
}
