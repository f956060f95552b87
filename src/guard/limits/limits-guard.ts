// Size limit on every channel and per-user / per-tenant rate limits on user
// input. Runs first: an oversized text is never scanned by the other guards.
import type { GuardContext, GuardVerdict } from '../guard-types.js';
import type { GuardOutcome } from '../engine/guard-result.js';
import { TokenBucketLimiter } from './token-bucket.js';

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

export class RateLimitGuard {
  private readonly users: TokenBucketLimiter;
  private readonly tenants: TokenBucketLimiter;

  constructor(limits: RateLimits, now?: () => number) {
    this.users = new TokenBucketLimiter({ perMinute: limits.userPerMinute, burst: limits.userBurst, now });
    this.tenants = new TokenBucketLimiter({ perMinute: limits.tenantPerMinute, burst: limits.tenantBurst, now });
  }

  /** Takes one token from the user's and the tenant's bucket, or blocks when either is empty. */
  check(ctx: GuardContext): GuardOutcome | undefined {
    const userKey = `${ctx.tenantId ?? '-'}/${ctx.userId}`;
    const tenantKey = ctx.tenantId ?? '-';
    const userOk = this.users.available(userKey);
    const tenantOk = this.tenants.available(tenantKey);
    if (userOk && tenantOk) {
      this.users.take(userKey);
      this.tenants.take(tenantKey);
      return undefined;
    }
    const scope = userOk ? 'tenant' : 'user';
    const waitMs = userOk ? this.tenants.retryAfterMs(tenantKey) : this.users.retryAfterMs(userKey);
    const verdict: GuardVerdict = { guard: 'limits', action: 'block', category: 'rate', score: 1, spans: [], evidence: [`rate.${scope}`, `rate.retry-after-ms:${waitMs}`], provider: 'local' };
    return { verdicts: [verdict], edits: [], messageKey: 'rateLimited' };
  }
}
