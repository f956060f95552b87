// Reusable zod pieces for env-var settings. Kept apart from config.ts so that
// module settings files can import them without an import cycle.
import { z } from 'zod';

/** Comma-separated list in an env var, trimmed, empties dropped. */
export const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0));

/** Boolean env var accepting true/false/1/0/yes/no. */
export const envBoolean = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { message: 'expected true or false' })
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v === 'true' || v === '1' || v === 'yes'));

/** Integer env var with bounds. */
export const envInt = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });
