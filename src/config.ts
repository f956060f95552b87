// All settings come from the environment, parsed once and validated here.
// Each module owns its section (a zod object keyed by env var names) in its
// own settings file; this file composes them and reports every problem at once.
import { z } from 'zod';
import { hostSettings } from './host/host-settings.js';
import { auditSettings } from './audit/audit-settings.js';
import { appInsightsSettings } from './audit/app-insights-settings.js';
import { agentSettings } from './agent/agent-settings.js';
import { guardSettings } from './guard/guard-settings.js';
import { toolsSettings } from './tools/tools-settings.js';
import { identitySettings } from './identity/identity-settings.js';
import { graphSettings } from './graph/graph-settings.js';
import { modelSettings } from './model/model-settings.js';
import { stateSettings } from './state/state-settings.js';
import { approvalSettings } from './approvals/approval-settings.js';

const sections = {
  host: hostSettings,
  agent: agentSettings,
  audit: auditSettings,
  appInsights: appInsightsSettings,
  guard: guardSettings,
  tools: toolsSettings,
  identity: identitySettings,
  graph: graphSettings,
  model: modelSettings,
  state: stateSettings,
  approvals: approvalSettings,
} as const;

type Sections = typeof sections;
export type AppConfig = { [K in keyof Sections]: z.output<Sections[K]> };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` + problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Parses every section; throws one ConfigError listing all problems. Values are never echoed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(sections)) {
    const result = (schema as z.ZodTypeAny).safeParse(env);
    if (result.success) out[name] = result.data;
    else for (const issue of result.error.issues) problems.push(describeIssue(issue));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as AppConfig;
}

function describeIssue(issue: z.ZodIssue): string {
  const variable = issue.path.length > 0 ? issue.path.join('.') : 'settings';
  return `${variable}: ${issue.message}`;
}

/** Variables read outside the sections: the logger (read before config) and the env-file loader. */
const processSettings = ['LOG_LEVEL', 'APP_ENV'] as const;

/**
 * Every environment variable the agent reads, from the section schemas themselves, so the
 * configuration contract (env templates, infra/azure.bicep, README) cannot drift from the code.
 */
export function settingNames(): string[] {
  const names = Object.values(sections).flatMap((schema) => Object.keys(sectionObject(schema as z.ZodTypeAny).shape));
  return [...new Set([...names, ...processSettings])].sort();
}

/** The zod object under a section's refinements and transforms. */
function sectionObject(schema: z.ZodTypeAny): z.AnyZodObject {
  let inner: z.ZodTypeAny = schema;
  while (inner instanceof z.ZodEffects) inner = inner.innerType();
  if (!(inner instanceof z.ZodObject)) throw new Error('a settings section must be a zod object keyed by variable names');
  return inner;
}
