import { readFileSync } from 'node:fs';
import { RateLimiter, type RateLimit } from './rateLimiter';

/**
 * Limits shared by every public socket (/chat, /control, /events), written once. They protect
 * the owner first: a global ceiling well below the file-descriptor limit keeps room that only
 * owner sessions may use, and owner sessions skip the per-address, per-identity and upgrade-rate
 * caps, so hostile sockets from the owner's own address (loopback, one NAT) cannot lock them out.
 */

/** The usual soft open-files limit, assumed where /proc cannot tell. */
const DEFAULT_OPEN_FILES = 1024;
/** The budget's bounds: enough for a small stream even on a tight limit, and no more than one process can serve. */
const MIN_SOCKET_CEILING = 64;
const MAX_SOCKET_CEILING = 10_000;
/** Sockets only owner sessions may take once everyone else has hit the ceiling. */
const OWNER_RESERVE = 32;
/** Upgrades one address may start at once, then per second, unless an endpoint says otherwise. */
const DEFAULT_UPGRADES: RateLimit = { burst: 30, perSecond: 2 };
const MS_PER_SECOND = 1000;

/** Close code for a socket that kept sending after its frame budget ran out (policy violation). */
export const FRAME_FLOOD_CLOSE = 1008;

/** A refused upgrade: the HTTP status and the sentence the client reads. */
export interface Refusal {
  status: 429 | 503;
  message: string;
}

/** A held connection slot; release it when the socket closes (calling twice is harmless). */
export interface Lease {
  release(): void;
}

export function isRefusal(value: Lease | Refusal): value is Refusal {
  return 'status' in value;
}

/** The soft open-files limit from /proc (Linux), or a conservative guess elsewhere. */
function openFilesLimit(): number {
  try {
    const line = /^Max open files\s+(\d+)/mu.exec(readFileSync('/proc/self/limits', 'utf8'));
    if (line) return Number(line[1]);
  } catch {
    // Not Linux, or /proc unreadable: assume the common default.
  }
  return DEFAULT_OPEN_FILES;
}

/** Sockets open across every endpoint, with a reserve only the owner may use. */
export class SocketBudget {
  private open = 0;

  constructor(
    readonly ceiling: number,
    readonly ownerReserve: number,
  ) {}

  /** Half the process's descriptor limit (the database, files and LiveKit need the rest), at most 10 000. */
  static forThisProcess(): SocketBudget {
    const ceiling = Math.max(MIN_SOCKET_CEILING, Math.min(MAX_SOCKET_CEILING, Math.floor(openFilesLimit() / 2)));
    return new SocketBudget(ceiling, OWNER_RESERVE);
  }

  get size(): number {
    return this.open;
  }

  take(owner: boolean): boolean {
    if (this.open >= (owner ? this.ceiling : this.ceiling - this.ownerReserve)) return false;
    this.open += 1;
    return true;
  }

  release(): void {
    this.open = Math.max(0, this.open - 1);
  }
}

export interface GateOptions {
  /** Open sockets one client address may hold on this endpoint. */
  maxPerAddress: number;
  /** Open sockets one proven identity (token subject, session) may hold on this endpoint. */
  maxPerIdentity: number;
  /** Upgrades one address may start at once, then per second (reconnect storms, handshake floods). */
  upgradeBurst?: number;
  upgradesPerSecond?: number;
}

/** Who is asking for a socket; `identity` only when proven (a verified token or session). */
export interface Applicant {
  address: string;
  identity: string | null;
  owner: boolean;
}

function bump(counts: Map<string, number>, key: string, by: 1 | -1): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}

/** One endpoint's admission: its per-address and per-identity caps, and the shared budget. */
export class ConnectionGate {
  private readonly byAddress = new Map<string, number>();
  private readonly byIdentity = new Map<string, number>();
  private readonly upgrades: RateLimiter;

  constructor(
    private readonly budget: SocketBudget,
    private readonly options: GateOptions,
  ) {
    this.upgrades = new RateLimiter(
      options.upgradeBurst ?? DEFAULT_UPGRADES.burst,
      options.upgradesPerSecond ?? DEFAULT_UPGRADES.perSecond,
    );
  }

  countFrom(address: string): number {
    return this.byAddress.get(address) ?? 0;
  }

  /** Admits a socket or says why not; a lease must be released when the socket closes. */
  admit(applicant: Applicant): Lease | Refusal {
    const { address, identity, owner } = applicant;
    if (!owner) {
      if (!this.upgrades.take(address))
        return { status: 429, message: 'Too many connection attempts from this address; wait a few seconds' };
      if (this.countFrom(address) >= this.options.maxPerAddress) return { status: 429, message: 'Too many connections from this address' };
      if (identity !== null && (this.byIdentity.get(identity) ?? 0) >= this.options.maxPerIdentity) {
        return { status: 429, message: 'Too many connections for this session; close another tab first' };
      }
    }
    if (!this.budget.take(owner)) return { status: 503, message: 'The studio is at its connection limit' };
    bump(this.byAddress, address, 1);
    if (identity !== null) bump(this.byIdentity, identity, 1);
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        this.budget.release();
        bump(this.byAddress, address, -1);
        if (identity !== null) bump(this.byIdentity, identity, -1);
      },
    };
  }
}

/** What a frame does to its socket's budget: handle it, refuse it (rate_limited), or close the socket. */
export type FrameVerdict = 'ok' | 'refuse' | 'close';

export interface FrameBudgetOptions {
  /** Frames handled at once, then `perSecond`. */
  burst: number;
  perSecond: number;
  /** Frames refused in a row (without the budget recovering) before the socket is closed. */
  maxRefused: number;
}

export const DEFAULT_FRAME_BUDGET: FrameBudgetOptions = { burst: 30, perSecond: 10, maxRefused: 10 };

/** A frames-per-second budget for one socket: a token bucket, and patience for a few refusals. */
export class FrameBudget {
  private tokens: number;
  private at: number;
  private refused = 0;

  constructor(
    private readonly options: FrameBudgetOptions = DEFAULT_FRAME_BUDGET,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = options.burst;
    this.at = now();
  }

  take(): FrameVerdict {
    const at = this.now();
    this.tokens = Math.min(this.options.burst, this.tokens + ((at - this.at) / MS_PER_SECOND) * this.options.perSecond);
    this.at = at;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.refused = 0;
      return 'ok';
    }
    this.refused += 1;
    return this.refused > this.options.maxRefused ? 'close' : 'refuse';
  }
}
