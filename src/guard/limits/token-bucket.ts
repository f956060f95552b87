// Token-bucket rate limiting per key (user, tenant). Memory stays bounded:
// the least recently used buckets are dropped first, and a dropped bucket is
// simply full again, which errs towards letting a user through. Also the
// per-instance fallback behind the shared limiter (src/state/rate-limiter.ts).
import { LRUCache } from 'lru-cache';
import type { RateDecision, RateLimiter } from '../../state/rate-limiter.js';

export interface TokenBucketOptions {
  /** Tokens added per minute. */
  perMinute: number;
  /** Bucket size: how many requests may come at once. */
  burst: number;
  maxKeys?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class TokenBucketLimiter implements RateLimiter {
  private readonly buckets: LRUCache<string, Bucket>;
  private readonly now: () => number;

  constructor(private readonly options: TokenBucketOptions) {
    this.now = options.now ?? Date.now;
    this.buckets = new LRUCache({ max: options.maxKeys ?? 100_000 });
  }

  private refill(key: string): Bucket {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) bucket = { tokens: this.options.burst, updatedAt: now };
    else {
      const elapsed = Math.max(0, now - bucket.updatedAt);
      bucket.tokens = Math.min(this.options.burst, bucket.tokens + (elapsed * this.options.perMinute) / 60_000);
      bucket.updatedAt = now;
    }
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** True when a request for `key` may proceed now (without taking a token). */
  available(key: string): boolean {
    return this.refill(key).tokens >= 1;
  }

  take(key: string): void {
    const bucket = this.refill(key);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
  }

  /** The shared RateLimiter contract: takes `points` tokens if the bucket holds that many. */
  async consume(key: string, points = 1): Promise<RateDecision> {
    const bucket = this.refill(key);
    if (bucket.tokens < points) return { allowed: false, remaining: Math.floor(bucket.tokens), retryAfterMs: Math.ceil(((points - bucket.tokens) * 60_000) / this.options.perMinute) };
    bucket.tokens -= points;
    return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 };
  }

  /** Milliseconds until the next token for `key`. */
  retryAfterMs(key: string): number {
    const bucket = this.refill(key);
    return bucket.tokens >= 1 ? 0 : Math.ceil(((1 - bucket.tokens) * 60_000) / this.options.perMinute);
  }
}
