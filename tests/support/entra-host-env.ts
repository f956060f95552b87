// The agent's settings for production auth mode (AUTH_MODE=entra) against the
// Entra emulator: the demo bot app of the demo tenant, and where the host gets
// the signing keys and issuers of the tokens it accepts. With `botConnector`,
// tokens of the Bot Connector service are accepted too (Teams traffic).
import type { EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { botConnector as connectorSeed, demoBotAppId, demoBotAppSecret, demoTenantId } from '../../emulators/entra/seed.js';

export interface EntraHostOptions {
  /** Also accept Bot Connector tokens (its OpenID metadata and issuer). */
  botConnector?: boolean;
  /** More accepted issuers (e.g. the v1 `https://sts.windows.net/<tenant>/`). */
  extraIssuers?: string[];
}

export function entraHostEnv(entra: EntraEmulator, options: EntraHostOptions = {}): Record<string, string> {
  const metadata = [...(options.botConnector ? [entra.botConnectorOpenIdConfigurationUrl] : []), entra.openIdConfigurationUrl(demoTenantId)];
  const issuers = [...(options.botConnector ? [connectorSeed.issuer] : []), entra.issuer(demoTenantId), ...(options.extraIssuers ?? [])];
  return {
    AUTH_MODE: 'entra',
    BOT_APP_ID: demoBotAppId,
    BOT_TENANT_ID: demoTenantId,
    BOT_CLIENT_SECRET: demoBotAppSecret,
    ENTRA_AUTHORITY_HOST: entra.url,
    BOT_OPENID_METADATA_URLS: metadata.join(','),
    BOT_TOKEN_ISSUERS: issuers.join(','),
  };
}
