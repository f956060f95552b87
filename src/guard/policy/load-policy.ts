// Reads and validates the guard policy file once at start-up. A bad policy is
// a deployment error: fail fast with a message naming the file and the field.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { GuardRegistry } from '../registry/guard-registry.js';
import { guardPolicySchema, type GuardPolicy } from './policy-schema.js';

/** The policy shipped with the template (policy/guard-policy.json at the repo root). */
export const shippedPolicyFile = fileURLToPath(new URL('../../../policy/guard-policy.json', import.meta.url));

export class GuardPolicyError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`Guard policy ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix the file (see docs/guard-policy.md) or point GUARD_POLICY_FILE at a valid one.`);
    this.name = 'GuardPolicyError';
  }
}

/** Validates a policy; with a registry, its extra guards' sections are validated (and kept) too. */
export function parseGuardPolicy(json: unknown, file = '(inline)', registry?: GuardRegistry): GuardPolicy {
  const schema = registry ? (registry.policySchema() as unknown as typeof guardPolicySchema) : guardPolicySchema;
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  throw new GuardPolicyError(
    file,
    result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`),
  );
}

export async function loadGuardPolicy(file: string = shippedPolicyFile, registry?: GuardRegistry): Promise<GuardPolicy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new GuardPolicyError(file, [`cannot read the file (${code})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new GuardPolicyError(file, [`not valid JSON: ${(err as Error).message}`]);
  }
  return parseGuardPolicy(json, file, registry);
}
