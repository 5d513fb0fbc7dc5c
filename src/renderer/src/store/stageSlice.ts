import type { StateCreator } from 'zustand';
import type { CreatedInvite, Invite, InviteRole, StageGuest, StageState } from '../../../shared/domain/stage';
import { STAGE_SLOTS } from '../../../shared/domain/stage';
import { studio } from '../api/client';
import { followHostRooms } from '../livekit/hostStage';
import type { GuestMediaMap, GuestQuality } from '../livekit/hostStageTypes';
import type { StudioState } from './index';

/** A sentence about the last stage or invite action, shown above the grid. */
export interface StageNotice {
  kind: 'error' | 'info';
  text: string;
}

/** A guest just made co-moderator: their console link, for the host to pass on. */
export interface PromotedGuest {
  name: string;
  consoleUrl: string;
}

/** What the invites form sends; the server fills defaults (1 h, one use). */
export interface InviteDraft {
  role: InviteRole;
  label: string;
  expiresInMinutes: number;
  maxUses: number;
}

export interface StageSlice {
  stage: StageState;
  /** Guest media as the host room sees it (tracks, mute, speaking, quality). */
  guestMedia: GuestMediaMap;
  invites: Invite[];
  /** The invite created last, with its link (the code is shown only once). */
  createdInvite: CreatedInvite | null;
  invitesOpen: boolean;
  stageNotice: StageNotice | null;
  promoted: PromotedGuest | null;
  /** Identities with a control request in flight (their buttons wait). */
  stageBusy: Readonly<Record<string, true>>;
  loadStage(): Promise<void>;
  applyStage(state: StageState): void;
  setGuestMedia(media: GuestMediaMap): void;
  reportGuestQuality(identity: string, quality: Exclude<GuestQuality, 'unknown'>): void;
  moveGuest(identity: string, to: 'stage' | 'backstage', slot?: number): Promise<void>;
  spotlightGuest(identity: string | null): Promise<void>;
  muteGuest(identity: string, kind: 'audio' | 'video'): Promise<void>;
  kickGuest(identity: string): Promise<boolean>;
  promoteGuest(identity: string): Promise<void>;
  loadInvites(): Promise<void>;
  applyInvites(invites: Invite[]): void;
  createInvite(draft: InviteDraft): Promise<boolean>;
  revokeInvite(id: string): Promise<void>;
  setInvitesOpen(open: boolean): void;
  dismissStageNotice(): void;
}

export const createStageSlice: StateCreator<StudioState, [], [], StageSlice> = (set, get) => {
  // Installed with the store, not a component: the host room may be created (going live, resuming)
  // while another page is open, and its guests must still be followed.
  followHostRooms({
    guests: (guestMedia) => set({ guestMedia }),
    quality: (identity, quality) => get().reportGuestQuality(identity, quality),
  });
  const nameOf = (identity: string) => get().stage.guests.find((g) => g.identity === identity)?.name ?? 'the guest';

  /** Runs one guest control with its buttons marked busy; a failure becomes the notice. */
  async function control<T>(identity: string, run: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T | null> {
    set((s) => ({ stageBusy: { ...s.stageBusy, [identity]: true } }));
    try {
      const result = await run();
      if (!result.ok) {
        set({ stageNotice: { kind: 'error', text: result.error.message } });
        return null;
      }
      return result.value;
    } finally {
      set((s) => {
        const { [identity]: _done, ...rest } = s.stageBusy;
        return { stageBusy: rest };
      });
    }
  }

  return {
    stage: { guests: [], spotlight: null },
    guestMedia: {},
    invites: [],
    createdInvite: null,
    invitesOpen: false,
    stageNotice: null,
    promoted: null,
    stageBusy: {},

    loadStage: async () => {
      const result = await studio.invoke('stage.get', {});
      if (result.ok) set({ stage: result.value });
    },
    applyStage: (stage) => set({ stage }),
    setGuestMedia: (guestMedia) => set({ guestMedia }),

    reportGuestQuality: (identity, quality) => {
      // Only guests of the live stream are recorded; the timeline is for the after-show history.
      if (get().livePhase === 'idle') return;
      void studio.invoke('stage.reportQuality', { identity, quality });
    },

    moveGuest: async (identity, to, slot) => {
      const state = await control(identity, () => studio.invoke('stage.move', slot === undefined ? { identity, to } : { identity, to, slot }));
      if (state) set({ stage: state, stageNotice: null });
    },

    spotlightGuest: async (identity) => {
      const state = await control(identity ?? 'spotlight', () => studio.invoke('stage.spotlight', { identity }));
      if (state) set({ stage: state, stageNotice: null });
    },

    muteGuest: async (identity, kind) => {
      const result = await control(identity, () => studio.invoke('stage.mute', { identity, kind }));
      if (result && !result.muted) {
        const what = kind === 'audio' ? 'microphone' : 'camera';
        set({ stageNotice: { kind: 'info', text: `${nameOf(identity)} has no ${what} on, or it is already muted.` } });
      }
    },

    kickGuest: async (identity) => {
      const state = await control(identity, () => studio.invoke('stage.kick', { identity }));
      if (!state) return false;
      set({ stage: state, stageNotice: null });
      return true;
    },

    promoteGuest: async (identity) => {
      const name = nameOf(identity);
      const result = await control(identity, () => studio.invoke('stage.promote', { identity }));
      if (result) set({ promoted: { name, consoleUrl: result.consoleUrl }, stageNotice: null });
    },

    loadInvites: async () => {
      const result = await studio.invoke('invites.list', {});
      if (result.ok) set({ invites: result.value });
    },
    applyInvites: (invites) => set({ invites }),

    createInvite: async (draft) => {
      const result = await studio.invoke('invites.create', draft);
      if (!result.ok) {
        set({ stageNotice: { kind: 'error', text: result.error.message } });
        return false;
      }
      const created = result.value;
      set((s) => ({ createdInvite: created, invites: [created.invite, ...s.invites.filter((i) => i.id !== created.invite.id)], stageNotice: null }));
      return true;
    },

    revokeInvite: async (id) => {
      const result = await control(id, () => studio.invoke('invites.revoke', { id }));
      if (result) set((s) => ({ invites: s.invites.map((i) => (i.id === id ? result : i)) }));
    },

    setInvitesOpen: (invitesOpen) => set(invitesOpen ? { invitesOpen } : { invitesOpen, createdInvite: null }),
    dismissStageNotice: () => set({ stageNotice: null, promoted: null }),
  };
};

/** The four stage slots, each with its guest or null. */
export function stageSlots(stage: StageState): (StageGuest | null)[] {
  const slots: (StageGuest | null)[] = Array.from({ length: STAGE_SLOTS }, () => null);
  for (const guest of stage.guests) if (guest.state === 'stage' && guest.slot !== null) slots[guest.slot] = guest;
  return slots;
}

export const selectStage = (state: StudioState) => state.stage;
export const selectGuestMedia = (state: StudioState) => state.guestMedia;
