// Settings of user-scoped Microsoft Graph access and the data-zone policy.
import { z } from 'zod';
import { fileURLToPath } from 'node:url';
import { envInt } from '../env-schema.js';

/** The shipped policy, found beside the code whatever the working directory. */
export const shippedDataZonesFile = fileURLToPath(new URL('../../policy/data-zones.json', import.meta.url));

const httpsUrl = (name: string, example: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const value = (v && v.trim()) || example;
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${name} must be a URL such as ${example}` });
        return z.NEVER;
      }
      if (url.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${name} must use https (plain http only on loopback)` });
        return z.NEVER;
      }
      return value.replace(/\/+$/, '');
    });

export const graphSettings = z
  .object({
    GRAPH_BASE_URL: httpsUrl('GRAPH_BASE_URL', 'https://graph.microsoft.com/v1.0'),
    GRAPH_RESOURCE: httpsUrl('GRAPH_RESOURCE', 'https://graph.microsoft.com'),
    GRAPH_TIMEOUT_MS: envInt(15_000, 1_000, 120_000),
    GRAPH_MAX_RETRIES: envInt(3, 0, 10),
    GRAPH_MAX_RETRY_AFTER_SEC: envInt(30, 1, 300),
    GRAPH_MAX_FILE_BYTES: envInt(10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    GRAPH_MAX_TEXT_CHARS: envInt(20_000, 500, 1_000_000),
    DATA_ZONES_FILE: z.string().optional().transform((v) => (v && v.trim()) || shippedDataZonesFile),
  })
  .transform((env) => ({
    baseUrl: env.GRAPH_BASE_URL,
    resource: env.GRAPH_RESOURCE,
    timeoutMs: env.GRAPH_TIMEOUT_MS,
    maxRetries: env.GRAPH_MAX_RETRIES,
    maxRetryAfterSec: env.GRAPH_MAX_RETRY_AFTER_SEC,
    maxFileBytes: env.GRAPH_MAX_FILE_BYTES,
    maxTextChars: env.GRAPH_MAX_TEXT_CHARS,
    dataZonesFile: env.DATA_ZONES_FILE,
  }));

export type GraphSettings = z.output<typeof graphSettings>;
