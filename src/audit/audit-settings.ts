import { z } from 'zod';

export const auditSettings = z
  .object({
    AUDIT_LOG_PATH: z.string().optional(),
  })
  .transform((env) => ({
    localLogPath: env.AUDIT_LOG_PATH?.trim() || '.local/audit/audit.jsonl',
  }));

export type AuditSettings = z.output<typeof auditSettings>;
