import type { z } from 'zod';
import type {
  DestinationAddSchema,
  DestinationUpdateSchema,
  Destination,
  MultistreamOutput,
  MultistreamStatus,
} from '../../../../shared/domain/multistream';
import type { AppError } from '../../../../shared/result';
import type { UplinkCapacity } from '../../features/multistream/uplinkBudget';

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
