import type { StudioClient } from '../../../shared/contract/studioClient';

import { DEFAULT_MULTISTREAM_OUTPUT, type Destination } from '../../../shared/domain/multistream';
import type { AppError } from '../../../shared/result';
import { noteCapacity, rememberedCapacity } from '../features/multistream/uplinkMemory';
import type { SliceCreator } from './state/studioState';
import type { MultistreamSlice } from './state/multistream';

/**
 * Destinations and their live state. Main pushes `multistream.status` on every change; turning a
 * destination on while live may start the program source, so each change re-checks the recording.
 */
export const createMultistreamSlice =
  (client: StudioClient): SliceCreator<MultistreamSlice> =>
  (set, get) => {
    const settle = (error: AppError | null, destinations?: Destination[]): void => {
      set({ multistreamError: error, ...(destinations ? { destinations } : {}) });
      get().syncRecording();
    };
    const reload = async (): Promise<void> => {
      const listed = await client.invoke('multistream.list', {});
      if (listed.ok) {
        set({ multistreamOutput: listed.value.output });
        settle(null, listed.value.destinations);
      } else settle(listed.error);
    };
    return {
      destinations: [],
      multistreamStatus: null,
      multistreamError: null,
      multistreamOutput: DEFAULT_MULTISTREAM_OUTPUT,
      uplinkCapacity: rememberedCapacity(),
      loadDestinations: async () => {
        await reload();
        const status = await client.invoke('multistream.status', {});
        if (status.ok) set({ multistreamStatus: status.value });
      },
      addDestination: async (input) => {
        const added = await client.invoke('multistream.add', input);
        if (!added.ok) {
          settle(added.error);
          return false;
        }
        await reload();
        return true;
      },
      updateDestination: async (input) => {
        const updated = await client.invoke('multistream.update', input);
        if (!updated.ok) {
          settle(updated.error);
          return false;
        }
        await reload();
        return true;
      },
      removeDestination: async (id) => {
        const removed = await client.invoke('multistream.remove', { id });
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
