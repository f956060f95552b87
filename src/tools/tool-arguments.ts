// Validates the JSON a model produced for a tool call against that tool's JSON
// Schema. The model's output is untrusted: anything malformed, oversized or off
// schema is refused with a short reason the model (or the user) can act on.
import { Ajv, type ValidateFunction } from 'ajv';
import type { ToolDefinition } from './tool.js';

/** Tool arguments are small; a huge blob is a mistake or an attack, never a real call. */
export const MAX_ARGUMENT_CHARS = 64_000;

export type ParsedArguments = { ok: true; args: Record<string, unknown> } | { ok: false; error: string };

// strict:false so that OpenAI-style schemas with extra keywords (e.g. "examples") still compile;
// allErrors:false so that one bad call costs one error, not a report.
const ajv = new Ajv({ strict: false, allErrors: false, coerceTypes: false, useDefaults: true });
// Declared tools mark address arguments with format "email" (define-tool.ts); bounded, like the tools' own patterns.
ajv.addFormat('email', /^[^\s@<>,;]{1,64}@[^\s@<>,;]{1,253}$/);
const validators = new WeakMap<object, ValidateFunction>();

/** Compiles (once per schema object) the validator for a tool's parameters; throws on an invalid schema. */
export function argumentValidator(tool: Pick<ToolDefinition, 'name' | 'parameters'>): ValidateFunction {
  const cached = validators.get(tool.parameters);
  if (cached) return cached;
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(tool.parameters);
  } catch (err) {
    throw new Error(`tool "${tool.name}" has an invalid parameters schema: ${(err as Error).message}`);
  }
  validators.set(tool.parameters, validate);
  return validate;
}

/** Parses the model's raw argument JSON for one tool call. Never throws. */
export function parseToolArguments(tool: ToolDefinition, rawJson: string): ParsedArguments {
  if (typeof rawJson !== 'string') return { ok: false, error: 'arguments must be a JSON string' };
  if (rawJson.length > MAX_ARGUMENT_CHARS) return { ok: false, error: `arguments are too large (over ${MAX_ARGUMENT_CHARS} characters)` };
  // Models send "" for a call without arguments.
  const text = rawJson.trim() === '' ? '{}' : rawJson;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'arguments are not valid JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: 'arguments must be a JSON object' };
  }
  let validate: ValidateFunction;
  try {
    validate = argumentValidator(tool);
  } catch {
    return { ok: false, error: `tool "${tool.name}" cannot be called: its schema is invalid` };
  }
  if (!validate(value)) {
    const first = validate.errors?.[0];
    const where = first?.instancePath ? first.instancePath.slice(1).replace(/\//g, '.') : 'arguments';
    const extra = first?.keyword === 'additionalProperties' ? ` (${String((first.params as { additionalProperty?: string }).additionalProperty)})` : '';
    return { ok: false, error: `invalid arguments for ${tool.name}: ${where} ${first?.message ?? 'do not match the schema'}${extra}` };
  }
  return { ok: true, args: value as Record<string, unknown> };
}
