import { describe, expect, it } from 'vitest';
import type { StageGuest } from '../../shared/domain/stage';
import { admit, moveToBackstage, moveToStage } from './rosterMoves';

const names = ['a', 'b', 'c', 'd', 'e'];
function admitAll(count: number): StageGuest[] {
  return names.slice(0, count).reduce<StageGuest[]>((roster, id) => admit(roster, { identity: id, name: id.toUpperCase() }), []);
}
const layout = (roster: StageGuest[]) => Object.fromEntries(roster.map((g) => [g.identity, g.slot ?? 'backstage']));

describe('stage roster moves', () => {
  it('fills four slots, then sends the fifth guest backstage', () => {
    expect(layout(admitAll(5))).toEqual({ a: 0, b: 1, c: 2, d: 3, e: 'backstage' });
  });

  it('moving a backstage guest into an occupied slot swaps the occupant backstage', () => {
    expect(layout(moveToStage(admitAll(5), 'e', 1))).toEqual({ a: 0, b: 'backstage', c: 2, d: 3, e: 1 });
  });

  it('moving between slots swaps the two guests', () => {
    expect(layout(moveToStage(admitAll(4), 'a', 3))).toEqual({ a: 3, b: 1, c: 2, d: 0 });
  });

  it('a full stage refuses a move without a slot', () => {
    expect(() => moveToStage(admitAll(5), 'e')).toThrow(/stage is full/);
  });

  it('sending a guest backstage frees the slot for the next one', () => {
    const roster = moveToStage(moveToBackstage(admitAll(5), 'c'), 'e');
    expect(layout(roster)).toEqual({ a: 0, b: 1, c: 'backstage', d: 3, e: 2 });
  });

  it('unknown guests are refused', () => {
    expect(() => moveToStage(admitAll(1), 'zz')).toThrow(/not on the roster/);
  });
});
