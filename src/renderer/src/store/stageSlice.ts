import type { StudioClient } from '../../../shared/contract/studioClient';

import type { SliceCreator } from './state/studioState';
import type { StageSlice } from './state/stage';

export const createStageSlice =
  (client: StudioClient): SliceCreator<StageSlice> =>
  (set, get) => {
    const nameOf = (identity: string) => get().stage.guests.find((g) => g.identity === identity)?.name ?? 'the guest';

    /** Runs one guest control with its buttons marked busy; a failure becomes the notice. */
    async function control<T>(
      identity: string,
      run: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
    ): Promise<T | null> {
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
        const result = await client.invoke('stage.get', {});
        if (result.ok) set({ stage: result.value });
      },
      applyStage: (stage) => set({ stage }),
      setGuestMedia: (guestMedia) => set({ guestMedia }),

      reportGuestQuality: (identity, quality) => {
        // Only guests of the live stream are recorded; the timeline is for the after-show history.
        if (get().livePhase === 'idle') return;
        void client.invoke('stage.reportQuality', { identity, quality });
      },

      moveGuest: async (identity, to, slot) => {
        const state = await control(identity, () =>
          client.invoke('stage.move', slot === undefined ? { identity, to } : { identity, to, slot }),
        );
        if (state) set({ stage: state, stageNotice: null });
      },

      spotlightGuest: async (identity) => {
        const state = await control(identity ?? 'spotlight', () => client.invoke('stage.spotlight', { identity }));
        if (state) set({ stage: state, stageNotice: null });
      },

      muteGuest: async (identity, kind) => {
        const result = await control(identity, () => client.invoke('stage.mute', { identity, kind }));
        if (result && !result.muted) {
          const what = kind === 'audio' ? 'microphone' : 'camera';
          set({ stageNotice: { kind: 'info', text: `${nameOf(identity)} has no ${what} on, or it is already muted.` } });
        }
      },

      kickGuest: async (identity) => {
        const state = await control(identity, () => client.invoke('stage.kick', { identity }));
        if (!state) return false;
        set({ stage: state, stageNotice: null });
        return true;
      },

      promoteGuest: async (identity) => {
        const name = nameOf(identity);
        const result = await control(identity, () => client.invoke('stage.promote', { identity }));
        if (result) set({ promoted: { name, consoleUrl: result.consoleUrl }, stageNotice: null });
      },

      loadInvites: async () => {
        const result = await client.invoke('invites.list', {});
        if (result.ok) set({ invites: result.value });
      },
      applyInvites: (invites) => set({ invites }),

      createInvite: async (draft) => {
        const result = await client.invoke('invites.create', draft);
        if (!result.ok) {
          set({ stageNotice: { kind: 'error', text: result.error.message } });
          return false;
        }
        const created = result.value;
        set((s) => ({
          createdInvite: created,
          invites: [created.invite, ...s.invites.filter((i) => i.id !== created.invite.id)],
          stageNotice: null,
        }));
        return true;
      },

      revokeInvite: async (id) => {
        const result = await control(id, () => client.invoke('invites.revoke', { id }));
        if (result) set((s) => ({ invites: s.invites.map((i) => (i.id === id ? result : i)) }));
      },

      setInvitesOpen: (invitesOpen) => set(invitesOpen ? { invitesOpen } : { invitesOpen, createdInvite: null }),
      dismissStageNotice: () => set({ stageNotice: null, promoted: null }),
    };
  };
