import type { StateCreator } from 'zustand';
import type { z } from 'zod';
import type { DestinationAddSchema, DestinationUpdateSchema, Destination, MultistreamStatus } from '../../../shared/domain/multistream';
import type { AppError } from '../../../shared/result';
import { studio } from '../api/client';
import type { StudioState } from './index';

export interface MultistreamSlice {
  destinations: Destination[];
  multistreamStatus: MultistreamStatus | null;
  multistreamError: AppError | null;
  loadDestinations(): Promise<void>;
  addDestination(input: z.input<typeof DestinationAddSchema>): Promise<boolean>;
  updateDestination(input: z.input<typeof DestinationUpdateSchema>): Promise<boolean>;
  removeDestination(id: string): Promise<void>;
  applyMultistreamStatus(status: MultistreamStatus): void;
}

/**
 * Destinations and their live state. Main pushes `multistream.status` on every change; turning a
 * destination on while live may start the program source, so each change re-checks the recording.
 */
export const createMultistreamSlice: StateCreator<StudioState, [], [], MultistreamSlice> = (set, get) => {
  const settle = (error: AppError | null, destinations?: Destination[]): void => {
    set({ multistreamError: error, ...(destinations ? { destinations } : {}) });
    get().syncRecording();
  };
  const reload = async (): Promise<void> => {
    const listed = await studio.invoke('multistream.list', {});
    if (listed.ok) settle(null, listed.value.destinations);
    else settle(listed.error);
  };
  return {
    destinations: [],
    multistreamStatus: null,
    multistreamError: null,
    loadDestinations: async () => {
      await reload();
      const status = await studio.invoke('multistream.status', {});
      if (status.ok) set({ multistreamStatus: status.value });
    },
    addDestination: async (input) => {
      const added = await studio.invoke('multistream.add', input);
      if (!added.ok) {
        settle(added.error);
        return false;
      }
      await reload();
      return true;
    },
    updateDestination: async (input) => {
      const updated = await studio.invoke('multistream.update', input);
      if (!updated.ok) {
        settle(updated.error);
        return false;
      }
      await reload();
      return true;
    },
    removeDestination: async (id) => {
      const removed = await studio.invoke('multistream.remove', { id });
      if (!removed.ok) settle(removed.error);
      else await reload();
    },
    applyMultistreamStatus: (status) => set({ multistreamStatus: status }),
  };
};

/** The studio must send the program while live: to record it, or for a destination that is on. */
export const selectWantsProgram = (state: StudioState): boolean =>
  Boolean(state.settings?.studio.recordLocally) || state.destinations.some((destination) => destination.enabled && destination.hasKey);
