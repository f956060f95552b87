// Environment settings of the guard engine. The policy file says WHAT runs;
// these say WHERE things are (files, endpoints) and operational numbers.
import { z } from 'zod';
import { csv, envInt } from '../env-schema.js';

const optionalUrl = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const value = (v ?? '').trim();
    if (value === '') return undefined;
    try {
      const url = new URL(value);
      if (url.protocol !== 'https:') throw new Error('scheme');
      return url.origin;
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'expected the https URL of the Content Safety resource, e.g. https://NAME.cognitiveservices.azure.com (leave empty for local guards only)' });
      return z.NEVER;
    }
  });

export const guardSettings = z
  .object({
    GUARD_POLICY_FILE: z.string().optional(),
    CONTENT_SAFETY_ENDPOINT: optionalUrl,
    CONTENT_SAFETY_KEY: z.string().optional(),
    /** Client id of a user-assigned managed identity; empty = DefaultAzureCredential chain. */
    CONTENT_SAFETY_MANAGED_IDENTITY_CLIENT_ID: z.string().optional(),
    CONTENT_SAFETY_TIMEOUT_MS: envInt(1500, 50, 60_000),
    CONTENT_SAFETY_MAX_RETRIES: envInt(2, 0, 10),
    CONTENT_SAFETY_BREAKER_FAILURES: envInt(5, 1, 1000),
    CONTENT_SAFETY_BREAKER_COOLDOWN_MS: envInt(30_000, 100, 3_600_000),
    GUARD_ALLOWED_LINK_HOSTS: csv,
    GUARD_RATE_USER_PER_MINUTE: envInt(30, 1, 100_000),
    GUARD_RATE_USER_BURST: envInt(10, 1, 100_000),
    GUARD_RATE_TENANT_PER_MINUTE: envInt(600, 1, 10_000_000),
    GUARD_RATE_TENANT_BURST: envInt(100, 1, 10_000_000),
  })
  .transform((env) => ({
    policyFile: env.GUARD_POLICY_FILE?.trim() || undefined,
    contentSafety: env.CONTENT_SAFETY_ENDPOINT
      ? {
          endpoint: env.CONTENT_SAFETY_ENDPOINT,
          key: env.CONTENT_SAFETY_KEY?.trim() || undefined,
          managedIdentityClientId: env.CONTENT_SAFETY_MANAGED_IDENTITY_CLIENT_ID?.trim() || undefined,
          timeoutMs: env.CONTENT_SAFETY_TIMEOUT_MS,
          maxRetries: env.CONTENT_SAFETY_MAX_RETRIES,
          breakerFailures: env.CONTENT_SAFETY_BREAKER_FAILURES,
          breakerCooldownMs: env.CONTENT_SAFETY_BREAKER_COOLDOWN_MS,
        }
      : undefined,
    allowedLinkHosts: env.GUARD_ALLOWED_LINK_HOSTS.map((h) => h.toLowerCase()),
    rateLimit: {
      userPerMinute: env.GUARD_RATE_USER_PER_MINUTE,
      userBurst: env.GUARD_RATE_USER_BURST,
      tenantPerMinute: env.GUARD_RATE_TENANT_PER_MINUTE,
      tenantBurst: env.GUARD_RATE_TENANT_BURST,
    },
  }));

export type GuardSettings = z.output<typeof guardSettings>;
export type ContentSafetySettings = NonNullable<GuardSettings['contentSafety']>;
