// The catalogue of guards. The policy schema is composed from it (one section
// per registered guard), and the engine builds and runs what it lists, in
// registration order (which is also the order of the verdicts).
import { z } from 'zod';
import { messagesSchema } from '../policy/policy-fields.js';
import { policyKeyOf, type GuardSpec } from './guard-spec.js';

const reservedKeys = new Set(['version', 'messages']);

export class GuardRegistry {
  private readonly specs = new Map<string, GuardSpec>();

  constructor(specs: Iterable<GuardSpec> = []) {
    for (const s of specs) this.register(s);
  }

  register(spec: GuardSpec): this {
    const key = policyKeyOf(spec);
    if (reservedKeys.has(key)) throw new Error(`guard policy key "${key}" is reserved`);
    for (const s of this.specs.values()) {
      if (s.name === spec.name || policyKeyOf(s) === key) throw new Error(`a guard named "${spec.name}" (policy key "${key}") is already registered`);
    }
    this.specs.set(spec.name, spec);
    return this;
  }

  get(name: string): GuardSpec | undefined {
    return this.specs.get(name);
  }

  list(): GuardSpec[] {
    return [...this.specs.values()];
  }

  /** A copy with more guards: the built-in registry stays as it is. */
  with(...specs: GuardSpec[]): GuardRegistry {
    return new GuardRegistry([...this.list(), ...specs]);
  }

  /** The whole policy file's schema: version, messages, and one section per guard. */
  policySchema() {
    const sections: Record<string, z.ZodTypeAny> = {};
    for (const s of this.list()) sections[policyKeyOf(s)] = s.configSchema;
    return z.object({ version: z.literal(1), messages: messagesSchema, ...sections }).strict();
  }
}
