import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { envInt } from '../env-schema.js';

export const auditSettings = z
  .object({
    AUDIT_LOG_DIR: z.string().optional(),
    /** Before segment files: the single log file. Still accepted; its segments go to a folder beside it. */
    AUDIT_LOG_PATH: z.string().optional(),
    /** Ed25519 private key (PKCS#8 PEM or base64 DER) that signs checkpoints. */
    AUDIT_SIGNING_KEY: z.string().optional(),
    AUDIT_CHECKPOINT_EVERY_RECORDS: envInt(1000, 1, 1_000_000),
    AUDIT_CHECKPOINT_EVERY_MINUTES: envInt(5, 1, 24 * 60),
    AUDIT_SEGMENT_MAX_MB: envInt(64, 1, 4096),
    AUDIT_RETENTION_DAYS: envInt(0, 0, 3650),
    /** Prompt and response text in the audit trail: none | redacted (PII and secrets masked) | full. */
    AUDIT_TEXT_POLICY: z.enum(['none', 'redacted', 'full']).optional(),
    /** Archive of sealed segments in Blob Storage (immutable container): URL with managed identity, or a connection string (Azurite). */
    AUDIT_ARCHIVE_CONTAINER_URL: z.string().url().optional(),
    AUDIT_ARCHIVE_MANAGED_IDENTITY_CLIENT_ID: z.string().optional(),
    AUDIT_ARCHIVE_CONNECTION_STRING: z.string().optional(),
    AUDIT_ARCHIVE_CONTAINER: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$/, 'a blob container name').optional(),
    /** Set by App Service per instance: instances sharing /home each keep their own chain. */
    WEBSITE_INSTANCE_ID: z.string().optional(),
  })
  .transform((env) => {
    const legacy = env.AUDIT_LOG_PATH?.trim();
    const base = env.AUDIT_LOG_DIR?.trim() || (legacy ? join(dirname(legacy), `${basename(legacy, extname(legacy))}-segments`) : '.local/audit/log');
    // One appender per chain: on a shared file system every instance writes its own folder.
    const instance = env.WEBSITE_INSTANCE_ID?.trim().replace(/[^A-Za-z0-9-]/g, '').slice(0, 16);
    const dir = instance ? join(base, `instance-${instance}`) : base;
    return {
      dir,
      /** The App Service instance (shortened), when there is one: the Admin `status` command names it. */
      instanceId: instance || undefined,
      signingKey: env.AUDIT_SIGNING_KEY?.trim() || undefined,
      /** Used only when no key is configured (local development): created once, mode 0600. */
      devKeyFile: join(base, '..', 'dev-checkpoint-key.pem'),
      checkpointEveryRecords: env.AUDIT_CHECKPOINT_EVERY_RECORDS,
      checkpointEveryMs: env.AUDIT_CHECKPOINT_EVERY_MINUTES * 60_000,
      segmentMaxBytes: env.AUDIT_SEGMENT_MAX_MB * 1024 * 1024,
      retentionDays: env.AUDIT_RETENTION_DAYS,
      textPolicy: env.AUDIT_TEXT_POLICY ?? 'redacted',
      archive:
        env.AUDIT_ARCHIVE_CONTAINER_URL || env.AUDIT_ARCHIVE_CONNECTION_STRING
          ? {
              containerUrl: env.AUDIT_ARCHIVE_CONTAINER_URL?.trim() || undefined,
              managedIdentityClientId: env.AUDIT_ARCHIVE_MANAGED_IDENTITY_CLIENT_ID?.trim() || undefined,
              connectionString: env.AUDIT_ARCHIVE_CONNECTION_STRING?.trim() || undefined,
              containerName: env.AUDIT_ARCHIVE_CONTAINER ?? 'audit',
              /** This chain's folder in the container. */
              prefix: instance ? `instance-${instance}` : 'default',
            }
          : undefined,
    };
  });

export type AuditSettings = z.output<typeof auditSettings>;
