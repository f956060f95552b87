// The built-in guards, keyed by their policy section, in the order they run
// and report. A fork adds its own with defaultGuardRegistry().with(myGuard)
// (see docs/guard-policy.md, "Adding a guard").
import type { z } from 'zod';
import { GuardRegistry } from '../registry/guard-registry.js';
import { dlpGuard } from './dlp.js';
import { harmGuard } from './harm.js';
import { injectionGuard } from './injection.js';
import { limitsGuard } from './limits.js';
import { linksGuard } from './links.js';
import { promptLeakGuard } from './prompt-leak.js';

export const builtinGuards = {
  limits: limitsGuard,
  injection: injectionGuard,
  harm: harmGuard,
  dlp: dlpGuard,
  promptLeak: promptLeakGuard,
  links: linksGuard,
} as const;

/** The parsed sections of the built-in guards (the typed part of a GuardPolicy). */
export type BuiltinGuardConfigs = { [K in keyof typeof builtinGuards]: z.output<(typeof builtinGuards)[K]['configSchema']> };

/** A fresh registry with the built-in guards (callers may register more without touching others). */
export function defaultGuardRegistry(): GuardRegistry {
  return new GuardRegistry(Object.values(builtinGuards));
}
