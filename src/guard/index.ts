// Public API of the guard engine. The turn pipeline calls createGuardEngine()
// once at start-up, then checkInput / checkDocument / checkOutput per turn.
export type { GuardAction, GuardSpan, GuardVerdict, GuardDecision, GuardContext, GuardEngine } from './guard-types.js';
export { createGuardEngine, type GuardEngineOptions } from './engine/guard-engine.js';
export { guardSettings, type GuardSettings } from './guard-settings.js';
export { loadGuardPolicy, parseGuardPolicy, shippedPolicyFile, GuardPolicyError } from './policy/load-policy.js';
export { GuardRegistry } from './registry/guard-registry.js';
export { defineGuard, type GuardSpec, type GuardChannel, type GuardDeps, type CheckInstance, type GateInstance } from './registry/guard-spec.js';
export type { GuardOutcome, TextEdit } from './engine/guard-result.js';
export type { PreparedText } from './engine/prepared-text.js';
export { defaultGuardRegistry, builtinGuards } from './checks/index.js';
export type { GuardPolicy } from './policy/policy-schema.js';
