// Size limit on every channel and per-user / per-tenant rate limits on user
// input. A gate: runs first, and an oversized text is never scanned by the
// other guards. With a state store the buckets are shared by every instance
// (one CAS write per limit per turn, or both in one transaction where the
// store has them); when the store cannot answer, each
// instance falls back to its own buckets (at most N × the limit for N
// instances) and says so.
import { z } from 'zod';
import { createLogger } from '../../logging/logger.js';
import { FallbackRateLimiter } from '../../state/fallback-rate-limiter.js';
import { consumeInOrder, StoredTokenBucketLimiter, type RateDecision, type RateLimiter } from '../../state/rate-limiter.js';
import { StateError } from '../../state/state-errors.js';
import type { StateStore } from '../../state/state-store.js';
import type { GuardContext, GuardVerdict } from '../guard-types.js';
import type { GuardOutcome } from '../engine/guard-result.js';
import { TokenBucketLimiter } from '../limits/token-bucket.js';
import { defineGuard } from '../registry/guard-spec.js';

export const limitsConfig = z
  .object({
    enabled: z.boolean().default(true),
    maxInputChars: z.number().int().min(1).max(10_000_000).default(16_000),
    maxDocumentChars: z.number().int().min(1).max(50_000_000).default(2_000_000),
    maxOutputChars: z.number().int().min(1).max(10_000_000).default(100_000),
    rateLimit: z.boolean().default(true),
  })
  .strict()
  .default({});

const log = createLogger('guard.limits');

export function checkSize(text: string, maxChars: number): GuardOutcome | undefined {
  if (text.length <= maxChars) return undefined;
  const verdict: GuardVerdict = { guard: 'limits', action: 'block', category: 'size', score: 1, spans: [], evidence: [`size.chars:${text.length}>${maxChars}`], provider: 'local' };
  return { verdicts: [verdict], edits: [], messageKey: 'tooLong' };
}

export interface RateLimits {
  userPerMinute: number;
  userBurst: number;
  tenantPerMinute: number;
  tenantBurst: number;
}

export interface RateLimitGuardOptions {
  now?: () => number;
  /** Shared buckets (namespaces rate-user, rate-tenant); without it the buckets are this process's own. */
  state?: StateStore;
}

interface Limiters {
  shared?: StoredTokenBucketLimiter;
  local: RateLimiter;
}

function noteFallback(fallback: { degraded: boolean }, err: StateError): void {
  fallback.degraded = true;
  log.warn('shared rate limits unavailable; this instance’s own buckets apply', { code: err.code, backend: err.backend });
}

/** One token from the shared bucket, or this instance's own when the store cannot answer. */
function consumeFrom({ shared, local }: Limiters, key: string, onFallback: (err: StateError) => void): Promise<RateDecision> {
  return (shared ? new FallbackRateLimiter(shared, local, onFallback) : local).consume(key);
}

export class RateLimitGuard {
  private readonly users: Limiters;
  private readonly tenants: Limiters;
  /** Set when the store commits both buckets in one transaction (SQLite): one write per turn, not two. */
  private readonly oneTransaction?: StateStore;

  constructor(limits: RateLimits, options: RateLimitGuardOptions = {}) {
    const { now, state } = options;
    if (state?.transact) this.oneTransaction = state;
    const limiters = (namespace: string, perMinute: number, burst: number): Limiters => ({
      shared: state ? new StoredTokenBucketLimiter(state, { namespace, perMinute, burst, now }) : undefined,
      local: new TokenBucketLimiter({ perMinute, burst, now }),
    });
    this.users = limiters('rate-user', limits.userPerMinute, limits.userBurst);
    this.tenants = limiters('rate-tenant', limits.tenantPerMinute, limits.tenantBurst);
  }

  /**
   * Takes one token from the user's bucket, then one from the tenant's; blocks when either is empty.
   * A tenant denial still costs the user that token (no refund: a refund would be a second write).
   * When the shared store failed, the outcome says so (an allow verdict with evidence) for the audit.
   */
  async check(ctx: GuardContext): Promise<GuardOutcome | undefined> {
    // A record, not a flag in a named closure: under tsx (keepNames) a named closure costs a defineProperty per turn.
    const fallback = { degraded: false };
    const userKey = `${ctx.tenantId ?? '-'}/${ctx.userId}`;
    const tenantKey = ctx.tenantId ?? '-';
    let user: RateDecision;
    let decision: RateDecision;
    if (this.oneTransaction) {
      let decisions: RateDecision[];
      try {
        decisions = await consumeInOrder(this.oneTransaction, [
          { limiter: this.users.shared!, key: userKey },
          { limiter: this.tenants.shared!, key: tenantKey },
        ]);
      } catch (err) {
        if (!(err instanceof StateError) || err.code === 'invalid') throw err;
        // The transaction took no token; both buckets fall back to this instance's own.
        noteFallback(fallback, err);
        decisions = [await this.users.local.consume(userKey)];
        if (decisions[0]!.allowed) decisions.push(await this.tenants.local.consume(tenantKey));
      }
      user = decisions[0]!;
      decision = decisions[decisions.length - 1]!;
    } else {
      user = await consumeFrom(this.users, userKey, (err) => noteFallback(fallback, err));
      decision = user.allowed ? await consumeFrom(this.tenants, tenantKey, (err) => noteFallback(fallback, err)) : user;
    }
    const degraded = fallback.degraded;
    const evidence = degraded ? ['rate.store-unavailable'] : [];
    if (decision.allowed) {
      if (!degraded) return undefined;
      return { verdicts: [{ guard: 'limits', action: 'allow', category: 'rate', score: 0, spans: [], evidence, provider: 'local', fallback: 'instance-buckets' }], edits: [] };
    }
    const scope = user.allowed ? 'tenant' : 'user';
    const verdict: GuardVerdict = { guard: 'limits', action: 'block', category: 'rate', score: 1, spans: [], evidence: [`rate.${scope}`, `rate.retry-after-ms:${decision.retryAfterMs}`, ...evidence], provider: 'local' };
    return { verdicts: [verdict], edits: [], messageKey: 'rateLimited' };
  }
}

export const limitsGuard = defineGuard({
  name: 'limits',
  description: 'Size limit per channel; per-user and per-tenant rate limits on user input',
  configSchema: limitsConfig,
  create(config, deps) {
    if (!config.enabled) return undefined;
    const rate = new RateLimitGuard(deps.settings.rateLimit, { now: deps.now, state: deps.state });
    return {
      kind: 'gate',
      // Synchronous unless it takes rate-limit tokens (the store): most calls need no promise.
      gate(raw, channel, ctx) {
        const max = channel === 'user' ? config.maxInputChars : channel === 'document' ? config.maxDocumentChars : config.maxOutputChars;
        const tooBig = checkSize(raw, max);
        if (tooBig) return tooBig;
        return channel === 'user' && config.rateLimit ? rate.check(ctx) : undefined;
      },
    };
  },
});
