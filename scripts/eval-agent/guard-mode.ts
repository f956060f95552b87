// --guards off: the shipped guard policy with every detector switched off
// (input limits stay), so the run shows what the tool-call policy and the
// approvals stop on their own when every detector misses.
// --guards no-injection: only the prompt-injection detectors off, so the
// model follows every injection and the output guards (prompt leak, links,
// DLP) are what stands between it and the user.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedPolicyFile } from '../../src/guard/index.js';

export type GuardMode = 'on' | 'off' | 'no-injection';
export const guardModes: readonly GuardMode[] = ['on', 'off', 'no-injection'];

/** Environment for the agent configuration in this mode. */
export function guardEnv(mode: GuardMode, workDir: string): Record<string, string> {
  if (mode === 'on') return {};
  const policy = JSON.parse(readFileSync(shippedPolicyFile, 'utf8')) as Record<string, unknown>;
  const switchedOff = (section: string) => (mode === 'off' ? section !== 'limits' : section === 'injection');
  for (const [section, value] of Object.entries(policy)) {
    if (switchedOff(section) && value && typeof value === 'object' && 'enabled' in value) (value as { enabled: boolean }).enabled = false;
  }
  const file = join(workDir, `guard-policy.${mode}.json`);
  writeFileSync(file, JSON.stringify(policy, null, 2));
  return { GUARD_POLICY_FILE: file };
}
