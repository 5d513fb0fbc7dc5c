import { STAGE_SLOTS, type StageGuest, type StageState } from '../../../../shared/domain/stage';
import type { StudioState } from '../state/studioState';

/** The four stage slots, each with its guest or null. */
export function stageSlots(stage: StageState): (StageGuest | null)[] {
  const slots: (StageGuest | null)[] = Array.from({ length: STAGE_SLOTS }, () => null);
  for (const guest of stage.guests) if (guest.state === 'stage' && guest.slot !== null) slots[guest.slot] = guest;
  return slots;
}

export const selectStage = (state: StudioState) => state.stage;

export const selectGuestMedia = (state: StudioState) => state.guestMedia;

/** Whether a control request for this guest or invite is in flight (its buttons wait). */
export const selectIsBusy = (id: string) => (state: StudioState) => state.stageBusy[id] === true;

export const selectStageNotice = (state: StudioState) => state.stageNotice;

export const selectPromoted = (state: StudioState) => state.promoted;

export const selectStageGuests = (state: StudioState) => state.stage.guests;

export const selectInvitesOpen = (state: StudioState) => state.invitesOpen;

export const selectCreatedInvite = (state: StudioState) => state.createdInvite;

export const selectInvites = (state: StudioState) => state.invites;

/** Ids with a control request in flight (guests and invites). */
export const selectStageBusy = (state: StudioState) => state.stageBusy;

export const selectRevokeInvite = (state: StudioState) => state.revokeInvite;
