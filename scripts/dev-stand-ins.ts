// The local stand-ins `npm run dev` runs in-process, and the settings that
// point the agent's production adapters at them.
export interface LocalStandIns {
  agentEnv: Record<string, string>;
  close(): Promise<void>;
}

export async function startLocalStandIns(): Promise<LocalStandIns> {
  return { agentEnv: { AUDIT_LOG_PATH: '.local/audit/audit.jsonl' }, close: async () => {} };
}
