// Rate limits that hold across instances: a token bucket per key, kept in the
// state store and changed only by compare-and-swap, so every instance takes
// tokens from the same bucket. The same algorithm and options as the in-process
// TokenBucketLimiter (src/guard/limits/token-bucket.ts), made asynchronous.
//
// Why the state store and not Redis: the agent already needs Azure Storage, turns
// are slow (a model call each), so one conditional write per limit per turn is
// cheap; one service less to run, secure and pay for. Error bound: exact while
// the store answers (a lost race re-reads and retries); instance clock skew of
// s ms shifts refill by at most s × perMinute / 60,000 tokens.
import { createHash } from 'node:crypto';
import type { StateStore } from './state-store.js';
import { updateRecord } from './update-record.js';
import { StateError } from './state-errors.js';

export interface RateDecision {
  allowed: boolean;
  /** Whole tokens left after this call. */
  remaining: number;
  /** 0 when allowed; otherwise ms until `points` tokens are available. */
  retryAfterMs: number;
}

export interface RateLimiter {
  /** Takes `points` tokens from `key`'s bucket if it holds that many; never takes part of them. */
  consume(key: string, points?: number): Promise<RateDecision>;
}

export interface StoredTokenBucketOptions {
  /** Namespace of the buckets in the store, e.g. 'rate-user' or 'rate-tenant'. */
  namespace: string;
  /** Tokens added per minute. */
  perMinute: number;
  /** Bucket size: how many requests may come at once. */
  burst: number;
  now?: () => number;
  /** Compare-and-swap attempts under contention before giving up with a 'conflict' StateError. */
  maxAttempts?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const isBucket = (v: unknown): Bucket => {
  const b = v as Bucket;
  if (typeof b !== 'object' || b === null || !Number.isFinite(b.tokens) || !Number.isFinite(b.updatedAt)) throw new Error('not a bucket');
  return b;
};

export class StoredTokenBucketLimiter implements RateLimiter {
  private readonly now: () => number;

  constructor(
    private readonly store: StateStore,
    private readonly options: StoredTokenBucketOptions,
  ) {
    if (!(options.perMinute > 0) || !(options.burst >= 1)) throw new StateError('invalid', 'a token bucket needs perMinute > 0 and burst >= 1');
    this.now = options.now ?? Date.now;
  }

  async consume(key: string, points = 1): Promise<RateDecision> {
    const { perMinute, burst } = this.options;
    // Keys carry user and tenant ids: store a hash, never the id.
    const storedKey = createHash('sha256').update(key).digest('base64url');
    return updateRecord<Bucket, RateDecision>(
      this.store,
      this.options.namespace,
      storedKey,
      (current) => {
        const now = this.now();
        const tokens = current ? Math.min(burst, current.tokens + (Math.max(0, now - current.updatedAt) * perMinute) / 60_000) : burst;
        if (tokens < points) {
          // Nothing to write: the refill is computed from updatedAt next time.
          return { value: undefined, result: { allowed: false, remaining: Math.floor(tokens), retryAfterMs: Math.ceil(((points - tokens) * 60_000) / perMinute) } };
        }
        const left = tokens - points;
        return { value: { tokens: left, updatedAt: now }, result: { allowed: true, remaining: Math.floor(left), retryAfterMs: 0 } };
      },
      {
        parse: isBucket,
        maxAttempts: this.options.maxAttempts ?? 50,
        // A bucket that would be full again is the same as no bucket: let it expire.
        ttlMs: Math.ceil((burst * 60_000) / perMinute) + 1000,
      },
    );
  }
}
