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
import type { StateStore, UpdateInTransaction } from './state-store.js';
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

// The same users and tenants come back turn after turn: their hashed keys are kept (bounded; a
// full memo starts over, which only costs the hashes again).
const maxRememberedKeys = 10_000;
const hashedKeys = new Map<string, string>();
function hashedKey(key: string): string {
  let hashed = hashedKeys.get(key);
  if (hashed === undefined) {
    if (hashedKeys.size >= maxRememberedKeys) hashedKeys.clear();
    hashed = createHash('sha256').update(key).digest('base64url');
    hashedKeys.set(key, hashed);
  }
  return hashed;
}

/** One read-change-write of a bucket: refill since updatedAt, then take `points` tokens if there are that many. */
function takeTokens(clock: () => number, perMinute: number, burst: number, points: number, current: Bucket | undefined): { value: Bucket | undefined; result: RateDecision } {
  // Read when the change runs (in the transaction, again on a retry), not when it was asked for.
  const now = clock();
  const tokens = current ? Math.min(burst, current.tokens + (Math.max(0, now - current.updatedAt) * perMinute) / 60_000) : burst;
  if (tokens < points) {
    // Nothing to write: the refill is computed from updatedAt next time.
    return { value: undefined, result: { allowed: false, remaining: Math.floor(tokens), retryAfterMs: Math.ceil(((points - tokens) * 60_000) / perMinute) } };
  }
  const left = tokens - points;
  return { value: { tokens: left, updatedAt: now }, result: { allowed: true, remaining: Math.floor(left), retryAfterMs: 0 } };
}

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
    const { ns, storedKey, change, options } = this.step(key, points);
    return updateRecord<Bucket, RateDecision>(this.store, ns, storedKey, change, { ...options, durability: 'relaxed', maxAttempts: this.options.maxAttempts ?? 50 });
  }

  /** The same as consume, inside a transaction the caller holds (see consumeInOrder). */
  consumeWith(update: UpdateInTransaction, key: string, points = 1): RateDecision {
    const { ns, storedKey, change, options } = this.step(key, points);
    return update<Bucket, RateDecision>(ns, storedKey, change, options);
  }

  private step(key: string, points: number) {
    const { perMinute, burst } = this.options;
    // Keys carry user and tenant ids: store a hash, never the id.
    const storedKey = hashedKey(key);
    // Bound, not a named arrow: under tsx (keepNames) a named closure costs a defineProperty per turn.
    const change = takeTokens.bind(undefined, this.now, perMinute, burst, points);
    // A bucket that would be full again is the same as no bucket: let it expire.
    const options = { parse: isBucket, ttlMs: Math.ceil((burst * 60_000) / perMinute) + 1000 };
    return { ns: this.options.namespace, storedKey, change, options };
  }
}

/**
 * One token from each bucket in turn, stopping at the first refusal (the decisions so far).
 * All in one transaction (one commit) when the store has them, else one update per bucket.
 * With a transaction a failure takes no token at all; without, earlier buckets keep theirs.
 */
export async function consumeInOrder(store: StateStore, steps: ReadonlyArray<{ limiter: StoredTokenBucketLimiter; key: string }>): Promise<RateDecision[]> {
  // A bucket lost to a power failure only hands out a few tokens again: no need to wait for the disk.
  if (store.transact) return store.transact((update) => consumeEach(steps, update), { durability: 'relaxed' });
  const decisions: RateDecision[] = [];
  for (const { limiter, key } of steps) {
    const decision = await limiter.consume(key);
    decisions.push(decision);
    if (!decision.allowed) break;
  }
  return decisions;
}

/** The steps' buckets in turn inside one transaction, stopping at the first refusal. */
function consumeEach(steps: ReadonlyArray<{ limiter: StoredTokenBucketLimiter; key: string }>, update: UpdateInTransaction): RateDecision[] {
  const decisions: RateDecision[] = [];
  for (const { limiter, key } of steps) {
    const decision = limiter.consumeWith(update, key);
    decisions.push(decision);
    if (!decision.allowed) break;
  }
  return decisions;
}
