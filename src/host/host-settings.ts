// Settings of the HTTP host and of inbound (channel → agent) authentication.
import { z } from 'zod';
import { csv, envInt } from '../env-schema.js';
import { allowListEntryProblem, channelServiceHosts, localDevServiceHosts } from './service-url-allow-list.js';

const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);

export const hostSettings = z
  .object({
    PORT: envInt(3978, 0, 65535),
    HOST: z.string().optional().transform((v) => (v && v.trim()) || '0.0.0.0'),
    AUTH_MODE: z
      .enum(['entra', 'dev-anonymous'], { message: "AUTH_MODE must be 'entra' (default) or 'dev-anonymous' (local development on loopback only)" })
      .optional()
      .transform((v) => v ?? 'entra'),
    BOT_APP_ID: z.string().optional(),
    BOT_TENANT_ID: z.string().optional(),
    ALLOWED_TENANT_IDS: csv,
    BOT_OPENID_METADATA_URLS: csv,
    BOT_TOKEN_ISSUERS: csv,
    BOT_ALLOWED_CALLER_APP_IDS: csv,
    BOT_SERVICE_URL_HOSTS: csv,
    BOT_CLIENT_SECRET: z.string().optional(),
    BOT_CERT_PEM_FILE: z.string().optional(),
    BOT_CERT_KEY_FILE: z.string().optional(),
    BOT_MANAGED_IDENTITY_CLIENT_ID: z.string().optional(),
    ENTRA_AUTHORITY_HOST: z.string().url('ENTRA_AUTHORITY_HOST must be a URL such as https://login.microsoftonline.com').optional(),
    MAX_BODY_BYTES: envInt(1024 * 1024, 1024, 16 * 1024 * 1024),
    SHUTDOWN_GRACE_MS: envInt(10_000, 0, 120_000),
  })
  .superRefine((env, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    env.BOT_SERVICE_URL_HOSTS.forEach((entry, i) => {
      const why = allowListEntryProblem(entry);
      if (why) problem('BOT_SERVICE_URL_HOSTS', `entry ${i + 1} ${why}; list the hosts of the channel's serviceUrl, e.g. smba.trafficmanager.net,*.botframework.com`);
    });
    if (env.AUTH_MODE === 'dev-anonymous') {
      if (!loopbackHosts.has(env.HOST)) {
        problem('AUTH_MODE', `dev-anonymous accepts unauthenticated requests, so it only runs on a loopback address; HOST is '${env.HOST}'. Set HOST=127.0.0.1 or use AUTH_MODE=entra.`);
      }
      return;
    }
    if (!env.BOT_APP_ID) problem('BOT_APP_ID', 'required with AUTH_MODE=entra: the bot\'s Entra app (client) id, the audience of inbound tokens. For local development without Entra set AUTH_MODE=dev-anonymous and HOST=127.0.0.1.');
    if (!env.BOT_TENANT_ID) problem('BOT_TENANT_ID', 'required with AUTH_MODE=entra: the Entra tenant id that owns the bot registration.');
  })
  .transform((env) => {
    const homeTenant = env.BOT_TENANT_ID ?? '';
    const authorityHost = (env.ENTRA_AUTHORITY_HOST ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
    const allowedTenants = env.ALLOWED_TENANT_IDS.length > 0 ? env.ALLOWED_TENANT_IDS : homeTenant ? [homeTenant] : [];
    const withTenant = (s: string) => s.split('{tenant}').join(homeTenant);
    return {
      port: env.PORT,
      host: env.HOST,
      authMode: env.AUTH_MODE,
      maxBodyBytes: env.MAX_BODY_BYTES,
      shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
      // Hosts that may receive replies (with the bot's token); the local playground only in dev.
      serviceUrlHosts:
        env.BOT_SERVICE_URL_HOSTS.length > 0
          ? env.BOT_SERVICE_URL_HOSTS
          : env.AUTH_MODE === 'dev-anonymous'
            ? [...channelServiceHosts, ...localDevServiceHosts]
            : [...channelServiceHosts],
      auth: {
        appId: env.BOT_APP_ID ?? '',
        tenantId: homeTenant,
        allowedTenants,
        // Entra-issued tokens must come from one of these applications (azp / appid); Bot Connector tokens name none.
        allowedCallerAppIds: env.BOT_ALLOWED_CALLER_APP_IDS,
        authorityHost,
        // Bot Framework (Azure Bot Service) tokens and Entra-issued tokens for the bot's own tenant.
        openIdMetadataUrls: (env.BOT_OPENID_METADATA_URLS.length > 0
          ? env.BOT_OPENID_METADATA_URLS
          : ['https://login.botframework.com/v1/.well-known/openidconfiguration', `${authorityHost}/{tenant}/v2.0/.well-known/openid-configuration`]
        ).map(withTenant),
        issuers: (env.BOT_TOKEN_ISSUERS.length > 0
          ? env.BOT_TOKEN_ISSUERS
          : ['https://api.botframework.com', 'https://sts.windows.net/{tenant}/', `${authorityHost}/{tenant}/v2.0`]
        ).map(withTenant),
        clientSecret: env.BOT_CLIENT_SECRET,
        certPemFile: env.BOT_CERT_PEM_FILE,
        certKeyFile: env.BOT_CERT_KEY_FILE,
        managedIdentityClientId: env.BOT_MANAGED_IDENTITY_CLIENT_ID,
      },
    };
  });

export type HostSettings = z.output<typeof hostSettings>;
