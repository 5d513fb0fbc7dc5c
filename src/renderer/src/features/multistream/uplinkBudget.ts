import type { MultistreamStatus } from '../../../../shared/domain/multistream';
import type { StreamMode } from '../../../../shared/domain/stream';

/**
 * The uplink budget: how much the studio sends in all (LiveKit publish plus one upload per
 * destination) against what the connection has shown it can carry. Pure arithmetic, so the
 * numbers and the warning threshold are tested without a browser.
 */

/**
 * What LiveKit publishes at most per source, from livekit-client 2.x defaults with the studio's
 * publish options (publisher.ts): camera 720p simulcast (1700 + 450 + 160), screen 1080p at 15 fps
 * plus its half-size layer (2500 + 625), microphone at the music preset with RED (48 × 2). The
 * maxima, not the typical rates: the uplink has to carry the peaks.
 */
export const LIVEKIT_SOURCE_KBPS = { camera: 2310, screen: 3125, microphone: 96 } as const;

/** The AAC bitrate of the shared encode (programEncoder.ts); every upload carries it. */
export const DESTINATION_AUDIO_KBPS = 128;

export interface BudgetPart {
  name: string;
  kbps: number;
}

export interface UplinkBudget {
  totalKbps: number;
  livekitKbps: number;
  /** One entry per upload: the encode is shared, the uploads are not. */
  destinations: BudgetPart[];
}

export interface PlanInput {
  mode: StreamMode;
  /** The camera will be on air (captured and not switched off). */
  camera: boolean;
  /** Names of the destinations that are on and have a key. */
  destinations: string[];
  /** Video bitrate of the shared encode. */
  videoKbps: number;
}

/** LiveKit's share before going live, from the sources the mode sends. */
export function plannedLivekitKbps(mode: StreamMode, camera: boolean): number {
  let kbps = LIVEKIT_SOURCE_KBPS.microphone;
  if (mode === 'camera_grid' || (mode === 'screen_guests' && camera)) kbps += LIVEKIT_SOURCE_KBPS.camera;
  if (mode === 'screen_guests') kbps += LIVEKIT_SOURCE_KBPS.screen;
  return kbps;
}

/** The total before going live. */
export function plannedBudget(input: PlanInput): UplinkBudget {
  const livekitKbps = plannedLivekitKbps(input.mode, input.camera);
  const perUpload = input.videoKbps + DESTINATION_AUDIO_KBPS;
  const destinations = input.destinations.map((name) => ({ name, kbps: perUpload }));
  return { livekitKbps, destinations, totalKbps: livekitKbps + perUpload * destinations.length };
}

/** The total while live: LiveKit's measured send rate plus each live destination's measured rate. */
export function measuredBudget(livekitKbps: number | null, status: MultistreamStatus | null): UplinkBudget {
  const livekit = Math.max(0, livekitKbps ?? 0);
  const destinations = (status?.destinations ?? [])
    .filter((entry) => entry.state === 'live')
    .map((entry) => ({ name: entry.name, kbps: Math.max(0, entry.bitrateKbps) }));
  return { livekitKbps: livekit, destinations, totalKbps: livekit + destinations.reduce((sum, part) => sum + part.kbps, 0) };
}

/** The most the connection has shown it can carry, and when that was measured. */
export interface UplinkCapacity {
  kbps: number;
  at: number;
}

export type BudgetVerdict =
  | { kind: 'unknown' }
  | { kind: 'fits'; capacityKbps: number }
  /**
   * Over by `excessKbps`. `drop` names the destinations to turn off, largest first, until the
   * rest fits; `lighterLayout` is set when LiveKit alone already needs more than the capacity.
   */
  | { kind: 'over'; capacityKbps: number; excessKbps: number; drop: string[]; lighterLayout: boolean };

/** Warns only when the total is strictly above what the connection has carried. */
export function budgetVerdict(budget: UplinkBudget, capacity: UplinkCapacity | null): BudgetVerdict {
  if (!capacity || capacity.kbps <= 0) return { kind: 'unknown' };
  const capacityKbps = capacity.kbps;
  if (budget.totalKbps <= capacityKbps) return { kind: 'fits', capacityKbps };
  const drop: string[] = [];
  let total = budget.totalKbps;
  for (const part of [...budget.destinations].sort((a, b) => b.kbps - a.kbps)) {
    if (total <= capacityKbps) break;
    drop.push(part.name);
    total -= part.kbps;
  }
  return { kind: 'over', capacityKbps, excessKbps: budget.totalKbps - capacityKbps, drop, lighterLayout: total > capacityKbps };
}

/** Mbit/s with one decimal, the unit uplinks are sold in. */
export function formatMbit(kbps: number): string {
  return (kbps / 1000).toFixed(1);
}

function plural(count: number): string {
  return `${count} ${count === 1 ? 'destination' : 'destinations'}`;
}

/** "About 7.6 Mbit/s up: LiveKit 1.2 + 2 destinations × 3.2". */
export function planSummary(budget: UplinkBudget): string {
  const head = `About ${formatMbit(budget.totalKbps)} Mbit/s up: LiveKit ${formatMbit(budget.livekitKbps)}`;
  const count = budget.destinations.length;
  if (count === 0) return head;
  const rates = new Set(budget.destinations.map((part) => formatMbit(part.kbps)));
  const uploads =
    rates.size === 1 ? `${plural(count)} × ${[...rates][0]}` : `${plural(count)} ${formatMbit(budget.totalKbps - budget.livekitKbps)}`;
  return `${head} + ${uploads}`;
}

/** "Sending 7.4 Mbit/s up: LiveKit 1.1 + 2 destinations 6.3". */
export function measuredSummary(budget: UplinkBudget): string {
  const head = `Sending ${formatMbit(budget.totalKbps)} Mbit/s up: LiveKit ${formatMbit(budget.livekitKbps)}`;
  const count = budget.destinations.length;
  return count === 0 ? head : `${head} + ${plural(count)} ${formatMbit(budget.totalKbps - budget.livekitKbps)}`;
}

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What the warning says to drop or lower; `live` says whether the layout can still be changed. */
export function overAdvice(verdict: Extract<BudgetVerdict, { kind: 'over' }>, live: boolean): string {
  const head = `That is more than the ${formatMbit(verdict.capacityKbps)} Mbit/s your connection has carried.`;
  const steps: string[] = [];
  if (verdict.drop.length > 0) steps.push(`turn off ${list(verdict.drop)}`);
  if (verdict.lighterLayout) steps.push(live ? 'stop the camera or screen share' : 'pick a lighter layout (Camera grid or Voice only)');
  const advice = steps.join(' and ');
  return `${head} Expect stalls unless you ${advice}.`;
}
