// The declarative guard policy: which guards run, thresholds, actions and fail
// modes. The schema is composed from the guard registry: version, messages and
// one section per registered guard, each validated by that guard's own schema
// (src/guard/checks/*). Every field has a default so a fork can override only
// what it cares about. Documented in docs/guard-policy.md.
import type { z } from 'zod';
import { defaultGuardRegistry, type BuiltinGuardConfigs } from '../checks/index.js';
import type { DlpActions as DlpActionsOfCheck } from '../checks/dlp.js';
import type { messagesSchema } from './policy-fields.js';

export type GuardPolicy = { version: 1; messages: z.output<typeof messagesSchema> } & BuiltinGuardConfigs;
export type DlpActions = DlpActionsOfCheck;

/** The schema of the built-in guards' policy file. */
export const guardPolicySchema = defaultGuardRegistry().policySchema() as unknown as z.ZodType<GuardPolicy, z.ZodTypeDef, unknown>;
