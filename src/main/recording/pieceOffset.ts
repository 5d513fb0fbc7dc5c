import { AppFailure } from '../../shared/result';

/**
 * Where a piece sent at `offset` stands against the `have` bytes already kept: 'resent' when a
 * retry after a lost answer repeats bytes we hold (acknowledge, do not write twice), 'next' when it
 * continues exactly; a gap or an overlap fails with `conflict`, naming where `what` continues.
 */
export function placePiece(what: string, have: number, offset: number, length: number): 'resent' | 'next' {
  if (offset + length <= have) return 'resent';
  if (offset !== have) throw new AppFailure('conflict', `The ${what} continues at byte ${have}, not ${offset}`);
  return 'next';
}
