// --extension MODULE: evaluates a fork's own tools (docs/extending.md). The
// module's default export names the tools (the same factories the fork hands
// to createAgentRuntime), the policy entries that enable them and the scopes
// the evaluated user consents to. The policy entries are merged into a copy of
// the tool policy, so the run judges the tools exactly as the fork would.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_TOOL_POLICY_FILE } from '../../src/tools/tool-policy.js';
import type { ToolFactory } from '../../src/tools/registered-tools.js';

export interface EvalExtension {
  tools: ToolFactory[];
  /** Entries for the "tools" section of the tool policy, by tool name. */
  policy: Record<string, unknown>;
  /** Delegated scopes the scenario's user has consented to. */
  consent: string[];
}

export async function loadEvalExtension(file: string): Promise<EvalExtension> {
  const loaded = (await import(pathToFileURL(resolve(file)).href)) as { default?: Partial<EvalExtension> };
  const ext = loaded.default;
  if (!ext || !Array.isArray(ext.tools) || !ext.tools.every((f) => typeof f === 'function')) throw new Error(`${file}: the default export needs tools: ToolFactory[]`);
  if (!ext.policy || typeof ext.policy !== 'object') throw new Error(`${file}: the default export needs policy: { tool_name: { risk, ... } }`);
  if (!Array.isArray(ext.consent) || !ext.consent.every((s) => typeof s === 'string')) throw new Error(`${file}: the default export needs consent: string[]`);
  return { tools: ext.tools, policy: ext.policy, consent: ext.consent };
}

/** Environment that points the agent at the tool policy (TOOL_POLICY_FILE, or the shipped one) with the extension's entries. */
export function extensionPolicyEnv(ext: EvalExtension, workDir: string, base = process.env.TOOL_POLICY_FILE || DEFAULT_TOOL_POLICY_FILE): Record<string, string> {
  const policy = JSON.parse(readFileSync(base, 'utf8')) as { tools: Record<string, unknown> };
  policy.tools = { ...policy.tools, ...ext.policy };
  const file = join(workDir, 'tool-policy.extension.json');
  writeFileSync(file, JSON.stringify(policy, null, 2));
  return { TOOL_POLICY_FILE: file };
}
