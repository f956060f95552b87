// The local stand-ins `npm run dev` runs in-process, and the settings that
// point the agent's production adapters at them: the Entra emulator (SSO and
// on-behalf-of) and the Graph/SharePoint emulator with a seeded tenant.
import { startIngestionCollector } from '../emulators/app-insights/ingestion-collector.js';
import { startIdentityStandIns } from '../emulators/graph/dev-identity-stand-ins.js';

export interface LocalStandIns {
  agentEnv: Record<string, string>;
  close(): Promise<void>;
}

export async function startLocalStandIns(): Promise<LocalStandIns> {
  // DEV_USER picks the seeded user the playground acts as (e.g. patti@contoso.example holds the Auditor role).
  const identity = await startIdentityStandIns({ devUser: process.env.DEV_USER?.trim() || undefined });
  // Application Insights ingestion: the SDK runs unchanged against the local collector.
  const collector = await startIngestionCollector({ port: Number(process.env.DEV_APP_INSIGHTS_PORT ?? 0) });
  process.stdout.write(`[dev] Application Insights collector: last events at ${collector.url}/events\n`);
  process.stdout.write(`[dev] Graph emulator: side effects (mail sent, files deleted) at ${identity.graph.url}/_emulator/effects\n`);
  return {
    agentEnv: {
      AUDIT_LOG_DIR: '.local/audit/log',
      APPLICATIONINSIGHTS_CONNECTION_STRING: collector.connectionString,
      // Statsbeat reports to an Azure host; locally there is none.
      APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
      ...identity.agentEnv,
    },
    close: async () => {
      await collector.close();
      await identity.close();
    },
  };
}
