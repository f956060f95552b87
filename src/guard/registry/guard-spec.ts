// What one guard declares to the registry: its policy section (a zod schema
// with defaults), where it runs, and how to build its check. The engine knows
// nothing else about any guard, so a new guard is one file plus one
// register() call.
import type { z } from 'zod';
import type { TokenCredential } from '@azure/identity';
import type { GuardSettings } from '../guard-settings.js';
import type { GuardContext } from '../guard-types.js';
import type { GuardOutcome } from '../engine/guard-result.js';
import type { PreparedText } from '../engine/prepared-text.js';
import type { AzureContentSafety } from '../providers/azure-content-safety.js';
import type { StateStore } from '../../state/state-store.js';

export type GuardChannel = 'user' | 'document' | 'output';

/** What the engine hands a guard when it builds it (once per engine, i.e. per policy load). */
export interface GuardDeps {
  settings: GuardSettings;
  /** The Content Safety client, when an endpoint is configured. */
  azure: AzureContentSafety | undefined;
  now?: () => number;
  credential?: TokenCredential;
  /** Shared state (rate limits across instances); absent = each process keeps its own. */
  state?: StateStore;
}

/**
 * A gate runs first on the raw text and may stop the check at once (size and rate limits):
 * an outcome with a block verdict stops it; any other outcome (e.g. an allow that records a
 * fallback) joins the decision's verdicts.
 */
export interface GateInstance {
  kind: 'gate';
  gate(raw: string, channel: GuardChannel, ctx: GuardContext): GuardOutcome | undefined | Promise<GuardOutcome | undefined>;
}

/** A check runs on the prepared (normalised and decoded) text, in parallel with the other checks. */
export interface CheckInstance {
  kind: 'check';
  failMode: 'open' | 'closed';
  /** Channels (and contexts) this check runs on. */
  runsOn(channel: GuardChannel, ctx: GuardContext): boolean;
  check(text: PreparedText, channel: GuardChannel, ctx: GuardContext): GuardOutcome | Promise<GuardOutcome>;
}

export interface GuardSpec<S extends z.ZodTypeAny = z.ZodTypeAny> {
  /** The guard's name in verdicts and logs. */
  name: string;
  /** Its section in the policy file (defaults to name). */
  policyKey?: string;
  description: string;
  /** The section's schema; every field has a default, so an absent section is valid. */
  configSchema: S;
  /** Whether this configuration asks for the Azure provider (only to log a mismatch at start-up). */
  usesAzure?(config: z.output<S>): boolean;
  /** undefined = the guard is disabled by its configuration. */
  create(config: z.output<S>, deps: GuardDeps): GateInstance | CheckInstance | undefined;
}

/** Identity helper that keeps the config type flowing from the schema into create(). */
export function defineGuard<S extends z.ZodTypeAny>(spec: GuardSpec<S>): GuardSpec<S> {
  return spec;
}

export function policyKeyOf(spec: GuardSpec): string {
  return spec.policyKey ?? spec.name;
}
