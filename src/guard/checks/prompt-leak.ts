// Output-only guard: system-prompt leak (canary, rule ids, disclosure
// concepts, n-gram overlap) on the raw model output and its normalised and
// decoded views.
import { z } from 'zod';
import type { GuardContext, GuardVerdict } from '../guard-types.js';
import { disclosureConcepts } from '../output/disclosure-concepts.js';
import { countRefs, findCanary, promptRefs, systemPromptOverlap } from '../output/prompt-leak.js';
import { blockingActionField, failModeField, unitScoreField } from '../policy/policy-fields.js';
import { toRawSpan } from '../normalize/normalize-text.js';
import { defineGuard } from '../registry/guard-spec.js';
import type { GuardOutcome } from '../engine/guard-result.js';
import type { PreparedText } from '../engine/prepared-text.js';

export const promptLeakConfig = z
  .object({
    enabled: z.boolean().default(true),
    /** Words per shingle when comparing output with the system prompt. */
    ngramWords: z.number().int().min(3).max(32).default(8),
    /** Share of the system prompt's shingles found in the output that counts as a leak. */
    overlapThreshold: unitScoreField.default(0.2),
    /** Distinct rule ids of the system prompt ("[ref:…]") in the output that count as a leak; 0 turns the check off. */
    refMin: z.number().int().min(0).max(64).default(1),
    /** Distinct disclosure concepts (any language) in the output that count as a leak; 0 turns the check off. */
    conceptMin: z.number().int().min(0).max(64).default(6),
    action: blockingActionField.default('block'),
    failMode: failModeField.default('closed'),
  })
  .strict()
  .default({});
export type PromptLeakConfig = z.output<typeof promptLeakConfig>;

export function runPromptLeakGuard(text: PreparedText, ctx: GuardContext, policy: PromptLeakConfig): GuardOutcome {
  const evidence: string[] = [];
  const spans: GuardVerdict['spans'] = [];
  let score = 0;
  if (ctx.canary) {
    const hit = findCanary(text.raw, text.normalized.text, ctx.canary);
    if (hit) {
      score = 1;
      evidence.push(`leak.canary.${hit.view}`);
      const raw = hit.view === 'normalized' ? toRawSpan(text.normalized, hit.start, hit.end) : hit;
      spans.push({ type: 'CANARY', start: raw.start, end: raw.end });
    } else {
      // A model talked into encoding its prompt (base64, ROT13, spaced out) still leaks it.
      for (const view of text.views) {
        if (findCanary(view.text, view.text, ctx.canary)) {
          score = 1;
          evidence.push(`leak.canary.${view.kind}`);
          spans.push({ type: 'CANARY', start: view.rawStart, end: view.rawEnd });
          break;
        }
      }
    }
  }
  const texts = [...new Set([text.raw, text.normalized.text, ...text.views.map((v) => v.text)])];
  if (ctx.systemPrompt && score < 1 && policy.refMin > 0) {
    // A translation or paraphrase keeps the opaque rule ids where it loses the wording.
    const refs = countRefs(texts, promptRefs(ctx.systemPrompt));
    if (refs >= policy.refMin) {
      score = 1;
      evidence.push(`leak.refs:${refs}`);
    }
  }
  if (ctx.systemPrompt && score < 1 && policy.conceptMin > 0) {
    // Many concepts, and at least half the threshold of them the distinctive kind (a security
    // document's summary touches the generic ones only).
    const hits = texts.map((t) => disclosureConcepts(t));
    const found = Math.max(...hits.map((h) => Math.min(h.names.length, 2 * h.distinctive)));
    // Below the threshold the share still shows how close an answer came (audit only).
    score = Math.max(score, Math.min(1, found / policy.conceptMin) * 0.99);
    if (found >= policy.conceptMin) {
      score = 1;
      evidence.push(`leak.concepts:${found}`);
    }
  }
  if (ctx.systemPrompt && score < 1) {
    let best = 0;
    for (const candidate of [{ text: text.normalized.text, view: 'normalized' }, ...text.views.map((v) => ({ text: v.text, view: v.kind }))]) {
      const { overlap, shared } = systemPromptOverlap(candidate.text, ctx.systemPrompt, policy.ngramWords);
      if (overlap <= best) continue;
      best = overlap;
      score = Math.max(score, overlap);
      if (overlap >= policy.overlapThreshold) {
        evidence.length = 0;
        evidence.push(`leak.overlap:${overlap.toFixed(2)}`, `leak.shared-shingles:${shared}`, ...(candidate.view !== 'normalized' ? [`view.${candidate.view}`] : []));
      }
    }
  }
  const leaked = evidence.length > 0;
  return {
    verdicts: [{ guard: 'prompt-leak', action: leaked ? policy.action : 'allow', category: leaked ? 'system-prompt-leak' : 'none', score, spans, evidence, provider: 'local' }],
    edits: [],
  };
}

export const promptLeakGuard = defineGuard({
  name: 'prompt-leak',
  policyKey: 'promptLeak',
  description: 'System-prompt leaks in model output: canary, rule ids, disclosure concepts, shingle overlap',
  configSchema: promptLeakConfig,
  create(config) {
    if (!config.enabled) return undefined;
    return {
      kind: 'check',
      failMode: config.failMode,
      // Nothing to compare with when the turn planted no canary and passed no prompt.
      runsOn: (channel, ctx) => channel === 'output' && Boolean(ctx.canary || ctx.systemPrompt),
      check: (text, _channel, ctx) => runPromptLeakGuard(text, ctx, config),
    };
  },
});
