// Size limit on every channel and per-user / per-tenant rate limits on user
// input. A gate: runs first, and an oversized text is never scanned by the
// other guards.
import { z } from 'zod';
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

export const limitsGuard = defineGuard({
  name: 'limits',
  description: 'Size limit per channel; per-user and per-tenant rate limits on user input',
  configSchema: limitsConfig,
  create(config, deps) {
    if (!config.enabled) return undefined;
    const rate = new RateLimitGuard(deps.settings.rateLimit, deps.now);
    return {
      kind: 'gate',
      gate(raw, channel, ctx) {
        const max = channel === 'user' ? config.maxInputChars : channel === 'document' ? config.maxDocumentChars : config.maxOutputChars;
        const tooBig = checkSize(raw, max);
        if (tooBig) return tooBig;
        return channel === 'user' && config.rateLimit ? rate.check(ctx) : undefined;
      },
    };
  },
});
