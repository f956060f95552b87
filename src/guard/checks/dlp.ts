// PII and secrets guard: finds sensitive data, then applies the policy's
// action per data type for this channel. Masks carry a type label so the
// model and the user still understand the sentence.
import { z } from 'zod';
import { findSensitiveData } from '../dlp/find-sensitive-data.js';
import { isSecretType, sensitiveTypes, type SensitiveType } from '../dlp/dlp-types.js';
import { strictest, type GuardAction, type GuardVerdict } from '../guard-types.js';
import { failModeField, guardActionField } from '../policy/policy-fields.js';
import { defineGuard } from '../registry/guard-spec.js';
import type { GuardOutcome, TextEdit } from '../engine/guard-result.js';
import type { PreparedText } from '../engine/prepared-text.js';

const dlpActions = z
  .record(z.string(), guardActionField)
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!(sensitiveTypes as readonly string[]).includes(key)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: `unknown data type; use one of ${sensitiveTypes.join(', ')}` });
      }
    }
  })
  .transform((v) => v as Partial<Record<SensitiveType, z.infer<typeof guardActionField>>>);
export type DlpActions = z.output<typeof dlpActions>;

export const dlpConfig = z
  .object({
    enabled: z.boolean().default(true),
    input: dlpActions.default({}),
    document: dlpActions.default({}),
    output: dlpActions.default({}),
    failMode: failModeField.default('closed'),
  })
  .strict()
  .default({});

export function maskLabel(type: string): string {
  return `[${type}]`;
}

export function runDlpGuard(text: PreparedText, actions: DlpActions): GuardOutcome {
  const wanted = new Set<SensitiveType>(sensitiveTypes.filter((t) => (actions[t] ?? 'allow') !== 'allow'));
  const findings = findSensitiveData(text.normalized, text.views, wanted);
  let action: GuardAction = 'allow';
  const edits: TextEdit[] = [];
  const counts = new Map<string, number>();
  const rules = new Set<string>();
  for (const f of findings) {
    const typeAction = actions[f.type] ?? 'allow';
    action = strictest(action, typeAction);
    if (typeAction === 'mask') edits.push({ start: f.start, end: f.end, replacement: maskLabel(f.type) });
    counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
    rules.add(f.rule);
  }
  const hasSecret = findings.some((f) => isSecretType(f.type));
  const hasPii = findings.some((f) => !isSecretType(f.type));
  const verdict: GuardVerdict = {
    guard: 'dlp',
    action,
    category: hasSecret && hasPii ? 'pii+secret' : hasSecret ? 'secret' : hasPii ? 'pii' : 'none',
    score: findings.length > 0 ? 1 : 0,
    spans: findings.map((f) => ({ type: f.type, start: f.start, end: f.end })),
    evidence: [...[...counts].map(([type, n]) => `${type}x${n}`), ...rules].slice(0, 32),
    provider: 'local',
  };
  return { verdicts: [verdict], edits };
}

export const dlpGuard = defineGuard({
  name: 'dlp',
  description: 'PII and secrets: an action per data type and channel (mask, block, needs-review)',
  configSchema: dlpConfig,
  create(config) {
    if (!config.enabled) return undefined;
    return {
      kind: 'check',
      failMode: config.failMode,
      runsOn: () => true,
      check: (text, channel) => runDlpGuard(text, channel === 'user' ? config.input : channel === 'document' ? config.document : config.output),
    };
  },
});
