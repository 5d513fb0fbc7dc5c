/** A limit as a token bucket: `burst` requests at once, refilled at `perSecond`. */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

/** Past this many tracked keys, buckets that have refilled are dropped before the next is added. */
const MAX_TRACKED_KEYS = 10_000;
const MS_PER_SECOND = 1000;

/**
 * Token bucket per key (an IP address): `burst` requests at once, refilled at `perSecond`.
 * Buckets idle long enough to be full are dropped so the map cannot grow without bound.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  static of(limit: RateLimit, now?: () => number): RateLimiter {
    return new RateLimiter(limit.burst, limit.perSecond, now);
  }

  take(key: string): boolean {
    const at = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((at - bucket.at) / MS_PER_SECOND) * this.perSecond);
    bucket.at = at;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_TRACKED_KEYS) this.prune(at);
    return allowed;
  }

  private prune(at: number): void {
    const fullAfterMs = (this.burst / this.perSecond) * MS_PER_SECOND;
    for (const [key, bucket] of this.buckets) if (at - bucket.at > fullAfterMs) this.buckets.delete(key);
  }
}
