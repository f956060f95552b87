// Adapts each stage module to the pipeline's ports.
import type { AppConfig } from '../../config.js';
import type { LocalAuditLog } from '../../audit/local-audit-log.js';
import type { ReadinessCheck } from '../../host/http-server.js';
import type { AuditPort, GuardPort, ModelPort, PromptPort, ToolsPort, UserTokenPort } from '../pipeline-ports.js';

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

export async function buildPorts(_config: AppConfig, auditLog: LocalAuditLog): Promise<BuiltPorts> {
  // Interim wiring while the stage modules land: pass-through guard, echo model.
  const guard: GuardPort = {
    checkInput: async (text) => ({ action: 'allow', text, verdicts: [] }),
    checkDocument: async (text) => ({ action: 'allow', text, verdicts: [] }),
    checkOutput: async (text) => ({ action: 'allow', text, verdicts: [] }),
  };
  const prompt: PromptPort = {
    session: () => ({
      systemPrompt: 'You are a secure assistant.',
      canary: 'canary',
      start: (userText) => [
        { role: 'system', content: 'You are a secure assistant.' },
        { role: 'user', content: userText },
      ],
      wrapUntrusted: (content) => content,
    }),
  };
  const model: ModelPort = {
    label: 'offline demo model (not an LLM)',
    complete: async ({ messages }) => {
      const last = [...messages].reverse().find((m) => m.role === 'user');
      return { content: `You said: ${last?.content ?? ''}`, toolCalls: [] };
    },
  };
  const tools: ToolsPort = {
    list: () => [],
    get: () => undefined,
    parseArguments: () => ({ ok: false, error: 'no tools' }),
    newProvenance: () => {
      let tainted = false;
      return {
        get tainted() {
          return tainted;
        },
        addUntrusted: () => {
          tainted = true;
        },
      };
    },
    decide: () => ({ decision: 'deny', rule: 'no-tools', reason: 'no tools', flags: [] }),
  };
  const userTokens: UserTokenPort = {
    getUserToken: async () => {
      const err = new Error('sign in required');
      err.name = 'SignInRequiredError';
      throw err;
    },
  };
  const audit: AuditPort = { write: async (record) => void (await auditLog.append(record)) };
  return { guard, prompt, model, tools, userTokens, audit, readiness: [], close: async () => {} };
}
