// Settings of user identity: Teams SSO validation, on-behalf-of and the
// dev-mode SSO source. The bot's app id, tenant, allowed tenants, authority
// host and client credential are host settings (src/host/host-settings.ts);
// this section only reads AUTH_MODE to keep the dev SSO source out of production.
import { z } from 'zod';
import { csv, envInt } from '../env-schema.js';

export const identitySettings = z
  .object({
    SSO_AUDIENCES: csv,
    SSO_REQUIRED_SCOPE: z.string().optional().transform((v) => (v && v.trim()) || 'access_as_user'),
    SSO_OAUTH_CONNECTION_NAME: z.string().optional().transform((v) => (v && v.trim()) || 'graph-sso'),
    SSO_DEV_USER: z.string().optional().transform((v) => (v && v.trim()) || undefined),
    SSO_DEV_TOKEN_URL: z.string().url('SSO_DEV_TOKEN_URL must be the URL of the Entra emulator\'s /_emulator/sso-token endpoint').optional(),
    USER_TOKEN_CACHE_MAX_USERS: envInt(1000, 1, 1_000_000),
    OBO_REFRESH_MARGIN_SEC: envInt(300, 0, 3000),
    /** Removed: exchange claims live in the state store (STATE_*). Set, it is a configuration error that names the replacement. */
    SSO_EXCHANGE_CLAIMS_DB: z.string().optional().transform((v) => (v && v.trim()) || undefined),
  })
  .passthrough()
  .superRefine((env, ctx) => {
    const raw = env as Record<string, unknown>;
    if (env.SSO_EXCHANGE_CLAIMS_DB) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['SSO_EXCHANGE_CLAIMS_DB'],
        message:
          'no longer used: token exchanges are de-duplicated in the shared state store. Remove it; one host: STATE_BACKEND=sqlite (STATE_SQLITE_PATH, default .local/state/state.db, is shared by the host’s processes); several instances: STATE_BACKEND=azure-tables with STATE_TABLES_ENDPOINT.',
      });
    }
    if (env.SSO_DEV_USER && raw.AUTH_MODE !== 'dev-anonymous') {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['SSO_DEV_USER'], message: 'only allowed with AUTH_MODE=dev-anonymous (local development against the emulators); remove it for any other deployment.' });
    }
  })
  .transform((env) => ({
    /** Extra accepted SSO audiences; api://botid-{BOT_APP_ID} and BOT_APP_ID are always accepted. */
    extraAudiences: env.SSO_AUDIENCES,
    requiredScope: env.SSO_REQUIRED_SCOPE,
    oauthConnectionName: env.SSO_OAUTH_CONNECTION_NAME,
    devUser: env.SSO_DEV_USER,
    devTokenUrl: env.SSO_DEV_TOKEN_URL,
    cacheMaxUsers: env.USER_TOKEN_CACHE_MAX_USERS,
    refreshMarginSec: env.OBO_REFRESH_MARGIN_SEC,
  }));

export type IdentitySettings = z.output<typeof identitySettings>;
