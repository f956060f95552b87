// Gathers what the Admin `status` command shows from the running pieces: the
// same versions every AgentTurn records, the kill-switch mode, this instance.
import { hostname } from 'node:os';
import { loadSystemPromptTemplate } from '../../prompt/system-prompt.js';
import type { AgentModeSwitch } from '../agent-mode.js';
import type { AgentStatus } from '../status-card.js';
import type { BuiltPorts } from './build-ports.js';

export interface StatusSources {
  ports: Pick<BuiltPorts, 'model' | 'modelInfo' | 'modelVersionSeen' | 'policyVersions' | 'followReloads' | 'lastPolicyReload'>;
  modes: AgentModeSwitch;
  stateBackend: string;
  /** The App Service instance, when there is one (else host name and process id). */
  instanceId?: string;
}

export function createStatusReader(sources: StatusSources): () => Promise<AgentStatus> {
  const { ports, modes } = sources;
  const instanceId = sources.instanceId ?? `${hostname().slice(0, 40)}:${process.pid}`;
  return async () => {
    // What the next turn here will run: a reload made on another instance first.
    await ports.followReloads();
    return {
      instanceId,
      uptimeSec: process.uptime(),
      model: ports.modelInfo ?? { provider: ports.model.label, deployment: ports.model.label },
      modelVersion: ports.modelVersionSeen(),
      systemPrompt: loadSystemPromptTemplate().versionId,
      versions: ports.policyVersions(),
      mode: await modes.state(),
      modeCacheSec: Math.ceil(modes.cacheMs / 1000),
      lastReload: await ports.lastPolicyReload(),
      stateBackend: sources.stateBackend,
    };
  };
}
