import { z } from 'zod';
import type { UplinkCapacity } from './uplinkBudget';

/**
 * Remembers the most the connection has carried (WebRTC's availableOutgoingBitrate while live)
 * so the go-live panel knows it before the next stream. Stored per studio origin; what comes back
 * out of storage is parsed like any other input, and anything unreadable counts as unknown.
 */
const KEY = 'airdeck.uplink.capacity';

const StoredCapacitySchema = z.object({ kbps: z.number().positive().max(10_000_000), at: z.number().int().nonnegative() });

/** Storage as the studio uses it, injectable so tests need no browser. */
export type CapacityStorage = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): CapacityStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Reading localStorage throws where storage is disabled; nothing is remembered then.
    return null;
  }
}

/** The remembered capacity, or null when nothing valid is stored. */
export function rememberedCapacity(storage: CapacityStorage | null = defaultStorage()): UplinkCapacity | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const parsed = StoredCapacitySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    // A corrupt stored figure is forgotten: the next reading replaces it.
    return null;
  }
}

/**
 * Folds a new measurement into what is known: the highest seen wins. Returns the capacity to
 * show (the previous one when the new reading is not higher), storing it when it changed.
 */
export function noteCapacity(
  known: UplinkCapacity | null,
  kbps: number,
  now: number,
  storage: CapacityStorage | null = defaultStorage(),
): UplinkCapacity | null {
  if (!Number.isFinite(kbps) || kbps <= 0 || (known && known.kbps >= kbps)) return known;
  const next = { kbps: Math.round(kbps), at: Math.floor(now) };
  try {
    storage?.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage may be unavailable (private mode); the figure then lasts for this session only.
  }
  return next;
}
