// The set of tools the model may call. Built once at start-up: a bad tool
// definition (duplicate name, unknown risk class, broken schema, a delivery or
// lookup declaration naming arguments the tool does not have) stops the
// process there instead of surfacing mid-conversation.
import { argumentValidator } from './tool-arguments.js';
import type { ResultTrust, RiskClass, ToolArgumentRole, ToolDefinition } from './tool.js';

export interface ToolRegistry {
  list(): ToolDefinition[];
  get(name: string): ToolDefinition | undefined;
}

const RISK_CLASSES: readonly RiskClass[] = ['read', 'write', 'external', 'destructive'];
const ARGUMENT_ROLES: readonly ToolArgumentRole[] = ['recipient', 'target', 'content', 'link-scope'];
const RESULT_TRUST: readonly ResultTrust[] = ['untrusted', 'as-marked'];
// OpenAI function names: letters, digits, underscores and dashes, at most 64 characters. We keep snake_case.
const TOOL_NAME = /^[a-z][a-z0-9_]{0,63}$/;

export class ToolRegistryError extends Error {
  constructor(readonly problems: string[]) {
    super(`Tool registry is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ToolRegistryError';
  }
}

export function createToolRegistry(tools: ToolDefinition[]): ToolRegistry {
  const problems: string[] = [];
  const byName = new Map<string, ToolDefinition>();
  for (const [index, tool] of tools.entries()) {
    const label = typeof tool?.name === 'string' && tool.name !== '' ? `"${tool.name}"` : `#${index}`;
    problems.push(...describeProblems(tool, label));
    if (typeof tool?.name !== 'string') continue;
    if (byName.has(tool.name)) problems.push(`tool ${label} is registered twice`);
    else byName.set(tool.name, tool);
  }
  if (problems.length > 0) throw new ToolRegistryError(problems);
  const frozen = Object.freeze([...byName.values()]);
  return {
    list: () => [...frozen],
    // Own-property lookup only: a model asking for "constructor" or "__proto__" gets nothing.
    get: (name) => (typeof name === 'string' && byName.has(name) ? byName.get(name) : undefined),
  };
}

function describeProblems(tool: ToolDefinition, label: string): string[] {
  if (tool === null || typeof tool !== 'object') return [`tool ${label} is not an object`];
  const problems: string[] = [];
  if (typeof tool.name !== 'string' || !TOOL_NAME.test(tool.name)) problems.push(`tool ${label}: name must be snake_case letters/digits, at most 64 characters`);
  if (typeof tool.description !== 'string' || tool.description.trim() === '') problems.push(`tool ${label}: description is required`);
  if (!RISK_CLASSES.includes(tool.risk)) problems.push(`tool ${label}: risk must be one of ${RISK_CLASSES.join(', ')}`);
  if (!Array.isArray(tool.scopes) || tool.scopes.some((s) => typeof s !== 'string' || s.trim() === '')) problems.push(`tool ${label}: scopes must be a list of scope names`);
  if (typeof tool.run !== 'function') problems.push(`tool ${label}: run must be a function`);
  if (tool.results !== undefined && !RESULT_TRUST.includes(tool.results)) problems.push(`tool ${label}: results must be one of ${RESULT_TRUST.join(', ')}`);
  const params = tool.parameters as Record<string, unknown> | undefined;
  if (params === null || typeof params !== 'object' || params.type !== 'object') {
    problems.push(`tool ${label}: parameters must be a JSON Schema with "type": "object"`);
  } else {
    try {
      argumentValidator(tool);
    } catch (err) {
      problems.push((err as Error).message);
    }
    problems.push(...deliveryProblems(tool, label), ...lookupProblems(tool, label), ...roleProblems(tool, label));
  }
  return problems;
}

type JsonSchema = Record<string, unknown>;

function propertyOf(tool: ToolDefinition, name: unknown): JsonSchema | undefined {
  const properties = tool.parameters.properties as Record<string, JsonSchema> | undefined;
  return typeof name === 'string' && properties && typeof properties === 'object' && Object.hasOwn(properties, name) ? properties[name] : undefined;
}

/** A string, or a list of strings: the shapes a recipient or a text argument can have. */
function isTextOrTextList(schema: JsonSchema | undefined): boolean {
  if (!schema) return false;
  if (schema.type === 'string') return true;
  return schema.type === 'array' && (schema.items as JsonSchema | undefined)?.type === 'string';
}

function deliveryProblems(tool: ToolDefinition, label: string): string[] {
  if (tool.delivers === undefined) return [];
  const { recipients, content } = (tool.delivers ?? {}) as Partial<NonNullable<ToolDefinition['delivers']>>;
  if (!Array.isArray(recipients) || recipients.length === 0 || !Array.isArray(content)) {
    return [`tool ${label}: delivers must list its recipient arguments (at least one) and its content arguments`];
  }
  const problems: string[] = [];
  for (const [kind, names] of [['recipient', recipients], ['content', content]] as const) {
    for (const name of names) {
      if (!isTextOrTextList(propertyOf(tool, name))) problems.push(`tool ${label}: delivers names ${kind} argument "${String(name)}", which is not a text or list-of-text parameter`);
    }
  }
  for (const name of recipients) if (content.includes(name)) problems.push(`tool ${label}: delivers lists "${name}" as both recipient and content`);
  if (tool.risk === 'read') problems.push(`tool ${label}: a tool that delivers content cannot have risk "read"`);
  return problems;
}

function lookupProblems(tool: ToolDefinition, label: string): string[] {
  if (tool.lookup === undefined) return [];
  const query = (tool.lookup ?? {}).queryArgument;
  return propertyOf(tool, query)?.type === 'string' ? [] : [`tool ${label}: lookup.queryArgument must name a text parameter`];
}

/** Declared roles name real arguments; an e-mail address argument must be a declared recipient. */
function roleProblems(tool: ToolDefinition, label: string): string[] {
  const problems: string[] = [];
  const roles = tool.roles ?? {};
  if (roles === null || typeof roles !== 'object') return [`tool ${label}: roles must map argument names to roles`];
  for (const [name, role] of Object.entries(roles)) {
    if (!ARGUMENT_ROLES.includes(role)) problems.push(`tool ${label}: role of "${name}" must be one of ${ARGUMENT_ROLES.join(', ')}`);
    else if (!propertyOf(tool, name)) problems.push(`tool ${label}: roles names "${name}", which is not one of its arguments`);
    else if (role === 'recipient' && !isTextOrTextList(propertyOf(tool, name))) problems.push(`tool ${label}: recipient argument "${name}" must be text or a list of text`);
  }
  const properties = (tool.parameters.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, schema] of Object.entries(properties)) {
    const isAddress = schema?.format === 'email' || (schema?.items as JsonSchema | undefined)?.format === 'email';
    const recipient = roles[name] === 'recipient' || tool.delivers?.recipients.includes(name) === true;
    if (isAddress && !recipient) problems.push(`tool ${label}: argument "${name}" holds e-mail addresses but is not declared a recipient (roles: { ${name}: 'recipient' })`);
  }
  return problems;
}
