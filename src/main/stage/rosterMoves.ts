import { STAGE_SLOTS, type StageGuest } from '../../shared/domain/stage';
import { AppFailure } from '../../shared/result';

/**
 * Pure roster arithmetic (no I/O), so every move can be tested on its own: who ends up in
 * which slot when a guest is approved, moved on stage, swapped, or sent backstage.
 */

export function freeSlot(guests: readonly StageGuest[]): number | null {
  const taken = new Set(guests.filter((g) => g.slot !== null).map((g) => g.slot));
  for (let slot = 0; slot < STAGE_SLOTS; slot++) if (!taken.has(slot)) return slot;
  return null;
}

/** An approved guest goes straight on stage when a slot is free, backstage otherwise. */
export function admit(guests: readonly StageGuest[], guest: { identity: string; name: string }): StageGuest[] {
  const rest = guests.filter((g) => g.identity !== guest.identity);
  const slot = freeSlot(rest);
  return [...rest, { ...guest, state: slot === null ? 'backstage' : 'stage', slot }];
}

/**
 * Moves a guest on stage. With a slot, whoever holds it swaps places with the mover (taking the
 * mover's old slot, or backstage if the mover came from there). Without one, the first free slot.
 */
export function moveToStage(guests: readonly StageGuest[], identity: string, slot?: number): StageGuest[] {
  const mover = guests.find((g) => g.identity === identity);
  if (!mover) throw new AppFailure('not_found', 'That guest is not on the roster');
  const target = slot ?? (mover.slot !== null ? mover.slot : freeSlot(guests));
  if (target === null) throw new AppFailure('conflict', 'The stage is full (4 guests). Send someone backstage first.');
  const occupant = guests.find((g) => g.slot === target && g.identity !== identity);
  return guests.map((g) => {
    if (g.identity === identity) return { ...g, state: 'stage', slot: target };
    if (occupant && g.identity === occupant.identity) {
      return mover.slot === null ? { ...g, state: 'backstage', slot: null } : { ...g, state: 'stage', slot: mover.slot };
    }
    return g;
  });
}

export function moveToBackstage(guests: readonly StageGuest[], identity: string): StageGuest[] {
  if (!guests.some((g) => g.identity === identity)) throw new AppFailure('not_found', 'That guest is not on the roster');
  return guests.map((g) => (g.identity === identity ? { ...g, state: 'backstage', slot: null } : g));
}

export function removeGuest(guests: readonly StageGuest[], identity: string): StageGuest[] {
  return guests.filter((g) => g.identity !== identity);
}
