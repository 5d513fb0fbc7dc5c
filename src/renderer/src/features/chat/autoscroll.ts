/**
 * Autoscroll state for a chat list: follow new messages while the reader is at the bottom; once
 * they scroll up, stop following and count what arrives so the list can offer "N new messages".
 * A pure reducer, so the rules are tested without a DOM.
 */

/** Within this many pixels of the end counts as "at the bottom" (sub-pixel and rounding slack). */
export const BOTTOM_SLACK_PX = 32;

export interface AutoscrollState {
  /** Keep the newest message in view as messages arrive. */
  following: boolean;
  /** Messages that arrived since the reader stopped following. */
  unseen: number;
}

export type AutoscrollEvent =
  /**
   * The list scrolled. `distance` is from the viewport bottom to the end; `movedUp` says the scroll
   * position went up. Only a move up stops following: content growing below the viewport (before
   * the list catches up) also leaves a distance, and must not count as the reader leaving.
   */
  | { type: 'scrolled'; distance: number; movedUp: boolean }
  /** `count` messages newer than any seen before were added. */
  | { type: 'appended'; count: number }
  /** The reader asked to jump to the newest message. */
  | { type: 'jumped' };

export const initialAutoscroll: AutoscrollState = { following: true, unseen: 0 };

export function autoscroll(state: AutoscrollState, event: AutoscrollEvent): AutoscrollState {
  switch (event.type) {
    case 'scrolled': {
      const atBottom = event.distance <= BOTTOM_SLACK_PX;
      if (atBottom) return state.following && state.unseen === 0 ? state : { following: true, unseen: 0 };
      if (!state.following || !event.movedUp) return state;
      return { following: false, unseen: 0 };
    }
    case 'appended':
      if (state.following || event.count <= 0) return state;
      return { following: false, unseen: state.unseen + event.count };
    case 'jumped':
      return { following: true, unseen: 0 };
  }
}

/** Messages in `seqs` newer than `lastSeq` (what "appended" counts). */
export function countNewer(seqs: readonly { seq: number }[], lastSeq: number): number {
  let count = 0;
  for (let i = seqs.length - 1; i >= 0 && seqs[i]!.seq > lastSeq; i -= 1) count += 1;
  return count;
}

/** The label of the jump button. */
export function unseenLabel(unseen: number): string {
  if (unseen <= 0) return 'Jump to newest';
  return unseen === 1 ? '1 new message' : `${unseen > 999 ? '999+' : unseen} new messages`;
}
