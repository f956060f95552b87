// Adapts each stage module to the pipeline's ports. This is the one place that
// knows every module; each adapter is a few lines because the modules already
// speak plain data.
import type { AppConfig } from '../../config.js';
import type { LocalAuditLog } from '../../audit/local-audit-log.js';
import type { ReadinessCheck } from '../../host/http-server.js';
import { createGuardEngine } from '../../guard/index.js';
import { createModelClient } from '../../model/index.js';
import { createPromptSessionStore } from '../../prompt/prompt-session-store.js';
import { createActionTools } from '../../tools/actions/index.js';
import { newTurnProvenance, recordUntrusted, type TurnProvenance } from '../../tools/provenance.js';
import { createReadTools, readToolDepsFromSettings } from '../../tools/read/create-read-tools.js';
import { createToolRegistry } from '../../tools/tool-registry.js';
import { loadToolPolicy, parseToolArguments } from '../../tools/tool-policy.js';
import type { DataZone, ToolDefinition } from '../../tools/tool.js';
import type { AuditPort, GuardPort, ModelPort, PromptPort, ProvenancePort, ToolsPort, UserTokenPort } from '../pipeline-ports.js';

export interface BuiltPorts {
  guard: GuardPort;
  prompt: PromptPort;
  model: ModelPort;
  tools: ToolsPort;
  userTokens: UserTokenPort;
  audit: AuditPort;
  readiness: ReadinessCheck[];
  close(): Promise<void>;
}

export interface PortOverrides {
  userTokens: UserTokenPort;
  readiness?: ReadinessCheck[];
}

export async function buildPorts(config: AppConfig, auditLog: LocalAuditLog, identity: PortOverrides): Promise<BuiltPorts> {
  const guard: GuardPort = await createGuardEngine(config.guard);
  const sessions = createPromptSessionStore();
  const prompt: PromptPort = { session: (conversationId) => sessions.session(conversationId) };
  const model: ModelPort = createModelClient(config.model);
  const tools = buildToolsPort(config, [...createReadTools(readToolDepsFromSettings(config.graph)), ...createActionTools({ graphBaseUrl: config.graph.baseUrl })]);
  const audit: AuditPort = { write: async (record) => void (await auditLog.append(record)) };
  return { guard, prompt, model, tools, userTokens: identity.userTokens, audit, readiness: identity.readiness ?? [], close: async () => {} };
}

function buildToolsPort(config: AppConfig, definitions: ToolDefinition[]): ToolsPort {
  const registry = createToolRegistry(definitions);
  const policy = loadToolPolicy(config.tools.policyFile, { tenantDomains: config.tools.tenantDomains });
  // The pipeline only sees ProvenancePort; the policy needs the full record behind it.
  const records = new WeakMap<ProvenancePort, TurnProvenance>();
  return {
    list: () => registry.list(),
    get: (name) => registry.get(name),
    parseArguments: parseToolArguments,
    newProvenance(userText) {
      const record = newTurnProvenance(userText);
      const port: ProvenancePort = {
        get tainted() {
          return record.tainted;
        },
        addUntrusted: (source, text, zone) => recordUntrusted(record, source, text, zone as DataZone | undefined),
      };
      records.set(port, record);
      return port;
    },
    decide(tool, args, provenance, actor) {
      const record = records.get(provenance);
      if (!record) return { decision: 'deny', rule: 'unknown-provenance', reason: 'the turn’s provenance is unknown', flags: [] };
      return policy.decide({ tool, args }, record, actor);
    },
  };
}
