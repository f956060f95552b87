// For `npm run dev` and end-to-end tests: starts the Entra and Graph emulators
// in-process and returns the agent settings that point its production identity
// and Graph adapters at them (the agent process must trust the dev CA:
// NODE_EXTRA_CA_CERTS, see scripts/with-dev-ca.ts).
import { startEntraEmulator, type EntraEmulator } from '../entra/entra-emulator.js';
import { demoBotAppId, demoBotAppSecret, demoTenantId, demoUserUpn } from '../entra/seed.js';
import { startGraphEmulator, type GraphEmulator } from './graph-emulator.js';

export interface IdentityStandIns {
  entra: EntraEmulator;
  graph: GraphEmulator;
  /** Env vars for the agent process (AUTH_MODE=dev-anonymous only: SSO_DEV_USER is refused otherwise). */
  agentEnv: Record<string, string>;
  close(): Promise<void>;
}

export async function startIdentityStandIns(opts: { entraPort?: number; graphPort?: number; devUser?: string } = {}): Promise<IdentityStandIns> {
  const entra = await startEntraEmulator({ port: opts.entraPort });
  const graph = await startGraphEmulator({ entra, port: opts.graphPort });
  return {
    entra,
    graph,
    agentEnv: {
      ENTRA_AUTHORITY_HOST: entra.url,
      BOT_APP_ID: demoBotAppId,
      BOT_TENANT_ID: demoTenantId,
      BOT_CLIENT_SECRET: demoBotAppSecret,
      GRAPH_BASE_URL: `${graph.url}/v1.0`,
      SSO_DEV_USER: opts.devUser ?? demoUserUpn,
      // The offline model's help examples name people and places of the seeded tenant.
      OFFLINE_HELP_COLLEAGUE: 'miriam@contoso.example',
      OFFLINE_HELP_SITE: 'CompanyCommunications',
      OFFLINE_HELP_LIST: 'Announcements',
    },
    async close() {
      await graph.close();
      await entra.close();
    },
  };
}
