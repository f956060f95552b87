// The extension point for tools: one declaration per tool, read by the
// registry, the policy and the pipeline. Whatever a tool leaves out gets the
// strictest treatment, so forgetting a field can only make a tool harder to use,
// never let it skip the policy: no risk class → external (sending data out);
// no result trust → every result is untrusted (spotlighted, checked as a document).
import { z } from 'zod/v4';
import { GraphRequestError } from '../graph/graph-errors.js';
import type { LookupDeclaration, Reconciled, ResultTrust, RiskClass, ToolArgumentRole, ToolContext, ToolDefinition, ToolResult } from './tool.js';

// Bounded quantifiers only: the model's output is matched against it.
const EMAIL = /^[^\s@<>,;]{1,64}@[^\s@<>,;]{1,253}$/;

/** An e-mail address argument. The registry insists that such an argument is declared a recipient. */
export const emailAddress = () => z.string().regex(EMAIL).meta({ format: 'email' });

type ArgumentsSchema = z.ZodObject;
type ArgumentName<S extends ArgumentsSchema> = Extract<keyof z.input<S>, string>;

export interface ToolSpec<S extends ArgumentsSchema> {
  /** snake_case name the model calls, e.g. post_channel_message. */
  name: string;
  /** What the model reads to decide when to call the tool. */
  description: string;
  /** The arguments; the JSON schema the model sees is derived from it. */
  arguments: S;
  /** Delegated Graph scopes: the on-behalf-of token is requested with exactly these. */
  scopes: string[];
  /** Default: external (the strictest class that still runs after a clean request). */
  risk?: RiskClass;
  /** Arguments the policy must know about. Default: none ("other"). */
  roles?: Partial<Record<ArgumentName<S>, ToolArgumentRole>>;
  /** Default: untrusted (every result is spotlighted and checked as a document). */
  results?: ResultTrust;
  /** A search: the argument that holds the user's words (items it finds count as named by the user). */
  lookup?: { queryArgument: ArgumentName<S> };
  run(args: z.output<S>, ctx: ToolContext): Promise<ToolResult>;
  /** Write tools run after an approval: whether an interrupted attempt (same `ctx.idempotencyKey`) took effect in Graph. */
  reconcile?(args: z.output<S>, ctx: ToolContext): Promise<Reconciled>;
  /** Scopes `reconcile` reads with (never used to run the action). */
  reconcileScopes?: string[];
  /** Destructive and external tools: names the target for the approval card, looked up in Graph as the requester. */
  describeTarget?(args: z.output<S>, ctx: ToolContext): Promise<Record<string, string> | undefined>;
  /** Scopes `describeTarget` reads with. */
  describeScopes?: string[];
}

/** Turns a declaration into the registry's ToolDefinition, filling the safe defaults. */
export function defineTool<S extends ArgumentsSchema>(spec: ToolSpec<S>): ToolDefinition {
  const roles = Object.fromEntries(Object.entries(spec.roles ?? {}).filter(([, role]) => role !== undefined)) as Record<string, ToolArgumentRole>;
  const named = (role: ToolArgumentRole) => Object.keys(roles).filter((name) => roles[name] === role);
  const recipients = named('recipient');
  return {
    name: spec.name,
    description: spec.description,
    parameters: argumentsJsonSchema(spec.arguments),
    risk: spec.risk ?? 'external',
    scopes: [...spec.scopes],
    roles,
    results: spec.results ?? 'untrusted',
    // A tool with recipients delivers its content arguments to them (judged as an outbound send when one is outside).
    ...(recipients.length > 0 ? { delivers: { recipients, content: named('content') } } : {}),
    ...(spec.lookup ? { lookup: { queryArgument: spec.lookup.queryArgument } satisfies LookupDeclaration } : {}),
    ...(spec.reconcileScopes ? { reconcileScopes: [...spec.reconcileScopes] } : {}),
    run: async (args, ctx) => {
      // The registry already checked the JSON schema; this also applies the schema's transforms and defaults.
      const parsed = spec.arguments.safeParse(args);
      if (!parsed.success) return { content: `${spec.name}: the arguments do not match the tool's schema.`, untrusted: false, data: { error: 'invalid_arguments' } };
      try {
        return await spec.run(parsed.data, limitScopes(spec.name, ctx, spec.scopes));
      } catch (err) {
        // A Graph refusal (not found, access denied, throttled) is a reply the model can relay and the audit records;
        // sign-in and consent errors propagate so the pipeline asks the user to sign in.
        if (!(err instanceof GraphRequestError)) throw err;
        return { content: `${spec.name}: ${err.message}`, untrusted: false, data: { error: `graph_${err.failure}`, status: err.status, graphCode: err.graphCode } };
      }
    },
    ...(spec.reconcile ? { reconcile: (args, ctx) => spec.reconcile!(spec.arguments.parse(args), limitScopes(spec.name, ctx, [...spec.scopes, ...(spec.reconcileScopes ?? [])])) } : {}),
    ...(spec.describeTarget ? { describeTarget: (args, ctx) => spec.describeTarget!(spec.arguments.parse(args), limitScopes(spec.name, ctx, spec.describeScopes ?? spec.scopes)) } : {}),
  };
}

/** The tool gets tokens for its declared scopes only: a call that asks for more fails instead of widening its reach. */
function limitScopes(tool: string, ctx: ToolContext, allowed: string[]): ToolContext {
  const declared = new Set(allowed.map((s) => s.toLowerCase()));
  return {
    ...ctx,
    getUserToken: (scopes) => {
      const undeclared = scopes.filter((s) => !declared.has(s.toLowerCase()));
      return undeclared.length > 0 ? Promise.reject(new UndeclaredScopeError(tool, undeclared)) : ctx.getUserToken(scopes);
    },
  };
}

/** A tool asked for a token with a scope it did not declare (a bug in the tool, never a user error). */
export class UndeclaredScopeError extends Error {
  override readonly name = 'UndeclaredScopeError';
  constructor(tool: string, scopes: string[]) {
    super(`tool "${tool}" asked for scopes it does not declare: ${scopes.join(', ')}`);
  }
}

/** The OpenAI function-calling parameters for a zod object: draft-07, no extra properties. */
export function argumentsJsonSchema(schema: ArgumentsSchema): Record<string, unknown> {
  // io "input": arguments with a default are optional for the model.
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  return { ...json, type: 'object', additionalProperties: false };
}
