// Output-only guards: system-prompt leak (canary, rule ids, disclosure
// concepts, n-gram overlap) and exfiltration links. Both work on the raw model
// output and its normalised and decoded views.
import type { GuardContext, GuardVerdict } from '../guard-types.js';
import { findExfiltrationLinks } from '../output/exfiltration-links.js';
import { disclosureConcepts } from '../output/disclosure-concepts.js';
import { countRefs, findCanary, promptRefs, systemPromptOverlap } from '../output/prompt-leak.js';
import type { GuardPolicy } from '../policy/policy-schema.js';
import { toRawSpan } from '../normalize/normalize-text.js';
import type { GuardOutcome, TextEdit } from './guard-result.js';
import type { PreparedText } from './prepared-text.js';

export function runPromptLeakGuard(text: PreparedText, ctx: GuardContext, policy: GuardPolicy['promptLeak']): GuardOutcome {
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

export function runLinkGuard(text: PreparedText, policy: GuardPolicy['links'], allowedHosts: string[]): GuardOutcome {
  const findings = findExfiltrationLinks(text.raw, { allowedHosts, maxQueryValueChars: policy.maxQueryValueChars });
  const edits: TextEdit[] = findings.map((f) => ({
    start: f.start,
    end: f.end,
    replacement: f.kind === 'image' || f.kind === 'html' ? '' : f.keepText !== undefined ? f.keepText : '[link removed]',
  }));
  const reasons = new Set(findings.map((f) => `link.${f.kind}.${f.reason}`));
  return {
    verdicts: [
      {
        guard: 'links',
        action: findings.length > 0 ? policy.action : 'allow',
        category: findings.length > 0 ? 'exfiltration-link' : 'none',
        score: findings.length > 0 ? 1 : 0,
        spans: findings.map((f) => ({ type: f.kind === 'image' ? 'IMAGE_LINK' : 'LINK', start: f.start, end: f.end })),
        evidence: [...reasons, ...(findings.length > 0 ? [`links.removed:${findings.length}`] : [])],
        provider: 'local',
      },
    ],
    edits: policy.action === 'mask' ? edits : [],
  };
}
