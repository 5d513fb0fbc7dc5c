import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  DEFAULT_MULTISTREAM_OUTPUT,
  MultistreamOutputSchema,
  StoredDestinationSchema,
  type Destination,
  type MultistreamOutput,
  type StoredDestination,
} from '../../shared/domain/multistream';
import { AppFailure } from '../../shared/result';
import type { Database } from '../db/openDatabase';
import { readSetting, writeSetting } from '../db/settings/settingsRows';
import type { SecretStore } from '../settings/secretStore';

const DESTINATIONS_KEY = 'multistream.destinations';
const OUTPUT_KEY = 'multistream.output';
/** Ten is more than any studio streams to at once; it bounds the work a bad caller can create. */
export const MAX_DESTINATIONS = 10;

/**
 * Destinations live in the settings table without their keys; each key is kept in the secret
 * store under the destination's id (keychain in the desktop app, a 0600 file headless).
 */
export class DestinationStore {
  constructor(
    private readonly db: Database,
    private readonly secrets: SecretStore,
  ) {}

  list(): Destination[] {
    return this.stored().map((destination) => ({ ...destination, hasKey: this.keyOf(destination.id) !== null }));
  }

  get(id: string): StoredDestination {
    const found = this.stored().find((destination) => destination.id === id);
    if (!found) throw new AppFailure('not_found', 'No destination with that id');
    return found;
  }

  /** Main only: the key for the ffmpeg argument list. */
  keyOf(id: string): string | null {
    return this.secrets.forKey(id).read();
  }

  add(destination: Omit<StoredDestination, 'id'>, streamKey: string): StoredDestination {
    const all = this.stored();
    if (all.length >= MAX_DESTINATIONS) throw new AppFailure('conflict', `At most ${MAX_DESTINATIONS} destinations`);
    const created = { ...destination, id: `dst_${randomBytes(9).toString('base64url')}` };
    // The key first: a destination row without its key would be half made.
    this.secrets.forKey(created.id).write(streamKey);
    this.save([...all, created]);
    return created;
  }

  replace(next: StoredDestination, streamKey?: string): StoredDestination {
    if (streamKey !== undefined) this.secrets.forKey(next.id).write(streamKey);
    this.save(this.stored().map((destination) => (destination.id === next.id ? next : destination)));
    return next;
  }

  remove(id: string): void {
    this.get(id);
    this.save(this.stored().filter((destination) => destination.id !== id));
    this.secrets.forKey(id).remove();
  }

  output(): MultistreamOutput {
    const parsed = MultistreamOutputSchema.safeParse({
      ...DEFAULT_MULTISTREAM_OUTPUT,
      ...(readSetting(this.db, OUTPUT_KEY) as object | undefined),
    });
    return parsed.success ? parsed.data : DEFAULT_MULTISTREAM_OUTPUT;
  }

  setOutput(output: MultistreamOutput): MultistreamOutput {
    writeSetting(this.db, OUTPUT_KEY, output);
    return output;
  }

  private stored(): StoredDestination[] {
    const parsed = z.array(StoredDestinationSchema).safeParse(readSetting(this.db, DESTINATIONS_KEY) ?? []);
    return parsed.success ? parsed.data : [];
  }

  private save(destinations: StoredDestination[]): void {
    writeSetting(this.db, DESTINATIONS_KEY, destinations);
  }
}
