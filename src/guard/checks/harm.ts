// Harmful-content guard (hate, sexual, violence, self-harm) on any channel.
// A category is flagged when its severity is AT OR ABOVE its threshold: the
// comparison teams-ai v1 got backwards, so it is tested at the exact edges.
import { z } from 'zod';
import { scoreHarm, type HarmCategory } from '../detectors/harm/index.js';
import { preparedView } from '../detectors/injection/text-prep.js';
import type { GuardVerdict } from '../guard-types.js';
import { blockingActionField, channelField, failModeField, providerField, unitScoreField } from '../policy/policy-fields.js';
import { analyzeTextMaxChars, type AzureContentSafety, type AzureHarmCategory } from '../providers/azure-content-safety.js';
import { ContentSafetyError } from '../providers/content-safety-error.js';
import { defineGuard, type GuardChannel } from '../registry/guard-spec.js';
import type { GuardOutcome } from '../engine/guard-result.js';
import { chunkText, detectionWindows, sanitizeEvidence, type PreparedText } from '../engine/prepared-text.js';

/** Azure's four-level scale; a category is flagged when severity >= its threshold. "off" never flags. */
const severity = z.union([z.literal(2), z.literal(4), z.literal(6), z.literal('off')], { errorMap: () => ({ message: 'expected 2, 4, 6 or "off"' }) });

export const harmConfig = z
  .object({
    enabled: z.boolean().default(true),
    providers: z.array(providerField).min(1).default(['local']),
    channels: z.array(channelField).default(['user', 'document', 'output']),
    severityThresholds: z
      .object({ hate: severity.default(4), sexual: severity.default(4), violence: severity.default(4), self_harm: severity.default(4) })
      .strict()
      .default({}),
    /** Local overall score threshold; omit to use the detector's shipped default. */
    scoreThreshold: unitScoreField.optional(),
    action: blockingActionField.default('block'),
    failMode: failModeField.default('closed'),
  })
  .strict()
  .default({});
export type HarmConfig = z.output<typeof harmConfig>;

const categories: HarmCategory[] = ['hate', 'sexual', 'violence', 'self_harm'];
const fromAzure: Record<AzureHarmCategory, HarmCategory> = { Hate: 'hate', Sexual: 'sexual', Violence: 'violence', SelfHarm: 'self_harm' };
const maxAzureRequests = 4;

type Severities = Record<HarmCategory, number>;

/** The flagged categories, worst first; empty when none reaches its threshold. */
export function flaggedCategories(severity: Severities, thresholds: Record<HarmCategory, number | 'off'>): HarmCategory[] {
  return categories
    .filter((c) => {
      const threshold = thresholds[c];
      return threshold !== 'off' && severity[c] >= threshold;
    })
    .sort((a, b) => severity[b] - severity[a]);
}

function verdictFor(severity: Severities, score: number, scoreFlag: boolean, policy: HarmConfig, provider: 'local' | 'azure', evidence: string[], fallback?: string): GuardVerdict {
  const flagged = flaggedCategories(severity, policy.severityThresholds);
  const worst = categories.reduce((a, b) => (severity[b] > severity[a] ? b : a), 'hate' as HarmCategory);
  const isFlagged = flagged.length > 0 || scoreFlag;
  return {
    guard: 'harm',
    action: isFlagged ? policy.action : 'allow',
    category: isFlagged ? (flagged[0] ?? worst) : 'none',
    score,
    spans: [],
    evidence: sanitizeEvidence([...categories.filter((c) => severity[c] > 0).map((c) => `severity.${c}:${severity[c]}`), ...evidence]),
    provider,
    ...(fallback ? { fallback } : {}),
  };
}

export function localHarm(text: PreparedText, readsRequest = true): { severity: Severities; score: number; evidence: string[] } {
  const severity: Severities = { hate: 0, sexual: 0, violence: 0, self_harm: 0 };
  let score = 0;
  const evidence: string[] = [];
  // The detector reads only a text's folded view (NFKC, no invisibles, lower case): a window that
  // folds like one already scored (raw and normalised text that differ by a no-break space or a
  // zero-width character) would score the same, and the maxima and evidence set stay as they are.
  const scored = new Set<string>();
  for (const candidate of text.detectionTexts) {
    for (const window of detectionWindows(candidate.text)) {
      const folded = preparedView(window).folded;
      if (scored.has(folded)) continue;
      scored.add(folded);
      const result = scoreHarm(window, { readsRequest });
      for (const c of categories) severity[c] = Math.max(severity[c], result.severity[c]);
      if (result.score > score) score = result.score;
      evidence.push(...result.evidence);
    }
  }
  return { severity, score, evidence };
}

/** Local only (the shipped policy): synchronous, so a check costs no promise; with Azure, asynchronous. */
export function runHarmGuard(text: PreparedText, policy: HarmConfig, azure: AzureContentSafety | undefined, channel: GuardChannel): GuardOutcome | Promise<GuardOutcome> {
  const wantsAzure = policy.providers.includes('azure') && azure !== undefined;
  // Only a user's message is a request someone can frame with benign sentences; answers and
  // documents are scored whole, as before round 6 (the extra reading doubled the output check).
  const readsRequest = channel === 'user';
  if (!wantsAzure) return { verdicts: [localHarmVerdict(text, policy, readsRequest)], edits: [] };
  return runWithAzure(text, policy, azure, readsRequest);
}

function localHarmVerdict(text: PreparedText, policy: HarmConfig, readsRequest: boolean, fallback?: string): GuardVerdict {
  const local = localHarm(text, readsRequest);
  // An explicit score threshold in the policy adds a flag on the overall score.
  const scoreFlag = policy.scoreThreshold !== undefined && local.score >= policy.scoreThreshold;
  return verdictFor(local.severity, local.score, scoreFlag, policy, 'local', local.evidence, fallback);
}

async function runWithAzure(text: PreparedText, policy: HarmConfig, azure: AzureContentSafety, readsRequest: boolean): Promise<GuardOutcome> {
  const verdicts: GuardVerdict[] = [];
  let fallback: string | undefined;
  try {
    const pieces = chunkText(text.normalized.text, analyzeTextMaxChars, maxAzureRequests);
    const severity: Severities = { hate: 0, sexual: 0, violence: 0, self_harm: 0 };
    // The service rejects empty text; nothing to analyse is severity 0 everywhere.
    const results = await Promise.all(pieces.filter((p) => p.trim().length > 0).map((p) => azure.analyzeText(p)));
    for (const r of results) for (const [k, v] of Object.entries(r)) severity[fromAzure[k as AzureHarmCategory]] = Math.max(severity[fromAzure[k as AzureHarmCategory]], v);
    const max = Math.max(...categories.map((c) => severity[c]));
    verdicts.push(verdictFor(severity, Math.min(1, max / 6), false, policy, 'azure', ['azure.text-analyze']));
  } catch (err) {
    fallback = `azure:${err instanceof ContentSafetyError ? err.reason : 'error'}`;
  }
  if (policy.providers.includes('local') || fallback) verdicts.push(localHarmVerdict(text, policy, readsRequest, fallback));
  return { verdicts, edits: [] };
}


export const harmGuard = defineGuard({
  name: 'harm',
  description: 'Hate, sexual, violence and self-harm content by severity (local lexicon, Azure text analysis)',
  configSchema: harmConfig,
  usesAzure: (config) => config.providers.includes('azure'),
  create(config, deps) {
    if (!config.enabled) return undefined;
    return {
      kind: 'check',
      failMode: config.failMode,
      runsOn: (channel) => config.channels.includes(channel),
      check: (text, channel) => runHarmGuard(text, config, deps.azure, channel),
    };
  },
});
