// The local stand-ins `npm run dev` runs in-process, and the settings that
// point the agent's production adapters at them: the Entra emulator (SSO and
// on-behalf-of) and the Graph/SharePoint emulator with a seeded tenant.
import { startIdentityStandIns } from '../emulators/graph/dev-identity-stand-ins.js';

export interface LocalStandIns {
  agentEnv: Record<string, string>;
  close(): Promise<void>;
}

export async function startLocalStandIns(): Promise<LocalStandIns> {
  const identity = await startIdentityStandIns();
  return {
    agentEnv: { AUDIT_LOG_DIR: '.local/audit/log', ...identity.agentEnv },
    close: () => identity.close(),
  };
}
