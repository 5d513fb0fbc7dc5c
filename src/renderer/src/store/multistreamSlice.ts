import type { StateCreator } from 'zustand';
import type { z } from 'zod';
import {
  DEFAULT_MULTISTREAM_OUTPUT,
  type DestinationAddSchema,
  type DestinationUpdateSchema,
  type Destination,
  type MultistreamOutput,
  type MultistreamStatus,
} from '../../../shared/domain/multistream';
import type { AppError } from '../../../shared/result';
import { studio } from '../api/client';
import type { UplinkCapacity } from '../features/multistream/uplinkBudget';
import { noteCapacity, rememberedCapacity } from '../features/multistream/uplinkMemory';
import type { StudioState } from './index';

export interface MultistreamSlice {
  destinations: Destination[];
  multistreamStatus: MultistreamStatus | null;
  multistreamError: AppError | null;
  /** The shared encode's settings: every upload is its video bitrate plus audio. */
  multistreamOutput: MultistreamOutput;
  /** The most the connection has shown it can carry (kept between sessions), or null while unknown. */
  uplinkCapacity: UplinkCapacity | null;
  loadDestinations(): Promise<void>;
  addDestination(input: z.input<typeof DestinationAddSchema>): Promise<boolean>;
  updateDestination(input: z.input<typeof DestinationUpdateSchema>): Promise<boolean>;
  removeDestination(id: string): Promise<void>;
  applyMultistreamStatus(status: MultistreamStatus): void;
  /** A reading of what the uplink carries right now; the highest one is kept. */
  noteUplinkCapacity(kbps: number): void;
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
    if (listed.ok) {
      set({ multistreamOutput: listed.value.output });
      settle(null, listed.value.destinations);
    }
    else settle(listed.error);
  };
  return {
    destinations: [],
    multistreamStatus: null,
    multistreamError: null,
    multistreamOutput: DEFAULT_MULTISTREAM_OUTPUT,
    uplinkCapacity: rememberedCapacity(),
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
    noteUplinkCapacity: (kbps) => {
      const known = get().uplinkCapacity;
      const next = noteCapacity(known, kbps, Date.now());
      if (next !== known) set({ uplinkCapacity: next });
    },
  };
};

/** The studio must send the program while live: to record it, or for a destination that is on. */
export const selectWantsProgram = (state: StudioState): boolean =>
  Boolean(state.settings?.studio.recordLocally) || state.destinations.some((destination) => destination.enabled && destination.hasKey);
