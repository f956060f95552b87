// Settings of the shared state layer. One machine: SQLite under .local/ (the
// default) or memory. Several instances: Azure Tables, keyless (managed
// identity / DefaultAzureCredential); a connection string only for Azurite.
import { z } from 'zod';
import { envInt } from '../env-schema.js';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True when a connection string can only reach a local emulator (Azurite). */
export function isEmulatorConnectionString(value: string): boolean {
  const parts = new Map(
    value
      .split(';')
      .map((p) => p.trim())
      .filter((p) => p.includes('='))
      .map((p) => [p.slice(0, p.indexOf('=')).toLowerCase(), p.slice(p.indexOf('=') + 1)] as const),
  );
  if (parts.get('usedevelopmentstorage') === 'true') return true;
  const endpoint = parts.get('tableendpoint');
  if (!endpoint) return false;
  try {
    return loopbackHosts.has(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}

const tableName = /^[A-Za-z][A-Za-z0-9]{2,62}$/;

export const stateSettings = z
  .object({
    STATE_BACKEND: z.enum(['sqlite', 'memory', 'azure-tables'], { message: "STATE_BACKEND must be 'sqlite' (default, one machine), 'memory' or 'azure-tables' (several instances)" }).optional().default('sqlite'),
    STATE_SQLITE_PATH: z.string().optional().transform((v) => (v && v.trim()) || '.local/state/state.db'),
    STATE_TABLES_ENDPOINT: z.string().optional().transform((v) => (v && v.trim()) || undefined),
    STATE_TABLE_NAME: z.string().optional().transform((v) => (v && v.trim()) || 'agentstate'),
    STATE_CONNECTION_STRING: z.string().optional().transform((v) => (v && v.trim()) || undefined),
    STATE_MANAGED_IDENTITY_CLIENT_ID: z.string().optional().transform((v) => (v && v.trim()) || undefined),
    STATE_TIMEOUT_MS: envInt(3000, 100, 60_000),
    STATE_SWEEP_INTERVAL_SEC: envInt(300, 0, 86_400),
    // Conversation history (ns `history`): 0 turns turns it off.
    HISTORY_MAX_TURNS: envInt(10, 0, 50),
    HISTORY_MAX_CHARS: envInt(24_000, 1000, 400_000),
    HISTORY_RETENTION_HOURS: envInt(24, 1, 24 * 90),
  })
  .superRefine((env, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    if (!tableName.test(env.STATE_TABLE_NAME)) problem('STATE_TABLE_NAME', 'an Azure table name: 3 to 63 letters and digits, starting with a letter');
    if (env.STATE_CONNECTION_STRING && !isEmulatorConnectionString(env.STATE_CONNECTION_STRING)) {
      // Never echo the value: it may hold an account key.
      problem('STATE_CONNECTION_STRING', 'only for Azurite (UseDevelopmentStorage=true or a loopback TableEndpoint); for Azure set STATE_TABLES_ENDPOINT and grant the managed identity "Storage Table Data Contributor".');
    }
    if (env.STATE_BACKEND !== 'azure-tables') return;
    if (!env.STATE_TABLES_ENDPOINT && !env.STATE_CONNECTION_STRING) problem('STATE_TABLES_ENDPOINT', 'required with STATE_BACKEND=azure-tables: https://<account>.table.core.windows.net');
    if (env.STATE_TABLES_ENDPOINT) {
      let url: URL | undefined;
      try {
        url = new URL(env.STATE_TABLES_ENDPOINT);
      } catch {
        /* reported below */
      }
      if (!url || (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHosts.has(url.hostname)))) problem('STATE_TABLES_ENDPOINT', 'must be an https URL (http only on loopback)');
    }
  })
  .transform((env) => ({
    backend: env.STATE_BACKEND,
    sqlitePath: env.STATE_SQLITE_PATH,
    tablesEndpoint: env.STATE_TABLES_ENDPOINT,
    tableName: env.STATE_TABLE_NAME,
    /** Azurite only; validated above. */
    connectionString: env.STATE_CONNECTION_STRING,
    managedIdentityClientId: env.STATE_MANAGED_IDENTITY_CLIENT_ID,
    timeoutMs: env.STATE_TIMEOUT_MS,
    /** 0 = no periodic sweep (expired records are still ignored and removed lazily on read). */
    sweepIntervalMs: env.STATE_SWEEP_INTERVAL_SEC * 1000,
    /** Per conversation and user; within one Azure Tables entity (450,000 characters). */
    history: { maxTurns: env.HISTORY_MAX_TURNS, maxChars: env.HISTORY_MAX_CHARS, retentionMs: env.HISTORY_RETENTION_HOURS * 3_600_000 },
  }));

export type StateSettings = z.output<typeof stateSettings>;
