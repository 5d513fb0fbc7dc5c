/**
 * Windowing math for the virtualized chat list: which rows to render for a scroll position.
 * DOM-free so it can be unit-tested; the list component feeds it measured row heights.
 */

/** Height assumed for a row that has not been measured yet (one line of text plus padding). */
export const ESTIMATED_ROW_HEIGHT = 44;

/**
 * Prefix sums of row heights: `offsets[i]` is the top of row i, `offsets[n]` the total height.
 * Recomputed per render; with the few hundred rows the dock keeps, this is a few microseconds.
 */
export function rowOffsets(heights: readonly number[]): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i += 1) offsets[i + 1] = offsets[i]! + heights[i]!;
  return offsets;
}

/** Index of the row containing `y` (clamped to the rows that exist); binary search over offsets. */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid]! <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface RowWindow {
  /** First row to render (inclusive). */
  start: number;
  /** Last row to render (exclusive). */
  end: number;
  /** Height of the whole list, for the scroll spacer. */
  totalHeight: number;
}

/**
 * Rows intersecting the viewport plus `overscan` rows on each side, so a fast scroll does not
 * show blank space before the next render.
 */
export function visibleWindow(offsets: Float64Array, scrollTop: number, viewportHeight: number, overscan = 4): RowWindow {
  const count = offsets.length - 1;
  const totalHeight = offsets[count] ?? 0;
  if (count <= 0) return { start: 0, end: 0, totalHeight };
  const top = Math.max(0, Math.min(scrollTop, totalHeight));
  const first = rowAt(offsets, top);
  const last = rowAt(offsets, Math.max(top, top + viewportHeight - 1));
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan), totalHeight };
}
