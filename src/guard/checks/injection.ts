// Prompt-injection / jailbreak guard for the user and document channels.
// Local: the in-process detector scored on raw, normalised and decoded views
// (the highest score counts). Azure: Prompt Shields. Both may run; either
// flagging flags. If Azure fails, the local verdict stands and says so.
import { z } from 'zod';
import { INJECTION_DEFAULT_THRESHOLD, scoreInjection, type InjectionChannel, type InjectionScore } from '../detectors/injection/index.js';
import type { GuardAction, GuardVerdict } from '../guard-types.js';
import { blockingActionField, failModeField, providerField, unitScoreField } from '../policy/policy-fields.js';
import type { AzureContentSafety } from '../providers/azure-content-safety.js';
import { shieldPromptMaxChars, shieldPromptMaxDocuments } from '../providers/azure-content-safety.js';
import { ContentSafetyError } from '../providers/content-safety-error.js';
import { defineGuard } from '../registry/guard-spec.js';
import type { GuardOutcome } from '../engine/guard-result.js';
import { chunkText, detectionWindows, sanitizeEvidence, type PreparedText } from '../engine/prepared-text.js';

export const injectionConfig = z
  .object({
    enabled: z.boolean().default(true),
    providers: z.array(providerField).min(1).default(['local']),
    /** Omit to use the detector's shipped default for that channel. */
    thresholds: z.object({ user: unitScoreField.optional(), document: unitScoreField.optional() }).strict().default({}),
    userAction: blockingActionField.default('block'),
    documentAction: blockingActionField.default('block'),
    failMode: failModeField.default('closed'),
  })
  .strict()
  .default({});
export type InjectionConfig = z.output<typeof injectionConfig>;

/** Most requests one check may send; text past this is covered by the local detector alone. */
const maxAzureRequests = 4;

/** `scoreWindow` is the shipped detector; a bench passes one built over other models (bench/detectors/writer-folds.ts) to score through the same views and windows. */
export function localInjectionScore(
  text: PreparedText,
  channel: InjectionChannel,
  scoreWindow: (window: string, channel: InjectionChannel) => InjectionScore = scoreInjection,
): { score: number; evidence: string[]; spans: GuardVerdict['spans'] } {
  let best = { score: 0, evidence: [] as string[], view: 'raw' };
  for (const candidate of text.detectionTexts) {
    for (const window of detectionWindows(candidate.text)) {
      const result = scoreWindow(window, channel);
      if (result.score > best.score) best = { score: result.score, evidence: result.evidence, view: candidate.view };
    }
  }
  const evidence = [...best.evidence];
  const spans: GuardVerdict['spans'] = [];
  if (best.view !== 'raw') {
    evidence.push(`view.${best.view}`);
    const decoded = text.views.find((v) => v.kind === best.view);
    if (decoded && (decoded.rawStart > 0 || decoded.rawEnd < text.raw.length)) spans.push({ type: `ENCODED_${best.view.toUpperCase()}`, start: decoded.rawStart, end: decoded.rawEnd });
  }
  return { score: best.score, evidence: sanitizeEvidence(evidence), spans };
}

async function azureInjection(azure: AzureContentSafety, text: PreparedText, channel: InjectionChannel): Promise<{ attack: boolean; partial: boolean }> {
  // Send what the model would read: the normalised text.
  const pieces = chunkText(text.normalized.text, channel === 'user' ? shieldPromptMaxChars : Math.floor(shieldPromptMaxChars / shieldPromptMaxDocuments) * shieldPromptMaxDocuments, maxAzureRequests);
  const results = await Promise.all(
    pieces.map(async (piece) => {
      if (channel === 'user') return (await azure.shieldPrompt({ userPrompt: piece })).userAttack;
      // Documents: up to five per request, all within the combined character limit.
      const documents = chunkText(piece, Math.floor(shieldPromptMaxChars / shieldPromptMaxDocuments), shieldPromptMaxDocuments);
      return (await azure.shieldPrompt({ documents })).documentAttacks.some(Boolean);
    }),
  );
  const covered = pieces.reduce((n, p) => n + p.length, 0);
  return { attack: results.some(Boolean), partial: covered < text.normalized.text.length };
}

/** Local only (the shipped policy): synchronous, so a check costs no promise; with Azure, asynchronous. */
export function runInjectionGuard(text: PreparedText, channel: InjectionChannel, policy: InjectionConfig, azure: AzureContentSafety | undefined): GuardOutcome | Promise<GuardOutcome> {
  const wantsAzure = policy.providers.includes('azure') && azure !== undefined;
  if (!wantsAzure) return { verdicts: [localInjectionVerdict(text, channel, policy)], edits: [] };
  return runWithAzure(text, channel, policy, azure);
}

function localInjectionVerdict(text: PreparedText, channel: InjectionChannel, policy: InjectionConfig, fallback?: string): GuardVerdict {
  const threshold = policy.thresholds[channel] ?? INJECTION_DEFAULT_THRESHOLD[channel];
  const local = localInjectionScore(text, channel);
  return {
    guard: 'injection',
    action: local.score >= threshold ? flaggedActionOf(channel, policy) : 'allow',
    category: categoryOf(channel),
    score: local.score,
    spans: local.spans,
    evidence: local.evidence,
    provider: 'local',
    ...(fallback ? { fallback } : {}),
  };
}

const categoryOf = (channel: InjectionChannel) => (channel === 'user' ? 'jailbreak' : 'document-injection');
const flaggedActionOf = (channel: InjectionChannel, policy: InjectionConfig): GuardAction => (channel === 'user' ? policy.userAction : policy.documentAction);

async function runWithAzure(text: PreparedText, channel: InjectionChannel, policy: InjectionConfig, azure: AzureContentSafety): Promise<GuardOutcome> {
  const verdicts: GuardVerdict[] = [];
  let fallback: string | undefined;
  try {
    const result = await azureInjection(azure, text, channel);
    verdicts.push({
      guard: 'injection',
      action: result.attack ? flaggedActionOf(channel, policy) : 'allow',
      category: categoryOf(channel),
      score: result.attack ? 1 : 0,
      spans: [],
      evidence: [result.attack ? `azure.prompt-shields.${channel}-attack` : 'azure.prompt-shields.clean', ...(result.partial ? ['azure.partial-coverage'] : [])],
      provider: 'azure',
    });
  } catch (err) {
    fallback = `azure:${err instanceof ContentSafetyError ? err.reason : 'error'}`;
  }
  if (policy.providers.includes('local') || fallback) verdicts.push(localInjectionVerdict(text, channel, policy, fallback));
  return { verdicts, edits: [] };
}

export const injectionGuard = defineGuard({
  name: 'injection',
  description: 'Prompt injection and jailbreaks in user messages and untrusted documents (local detector, Azure Prompt Shields)',
  configSchema: injectionConfig,
  usesAzure: (config) => config.providers.includes('azure'),
  create(config, deps) {
    if (!config.enabled) return undefined;
    return {
      kind: 'check',
      failMode: config.failMode,
      runsOn: (channel) => channel !== 'output',
      check: (text, channel) => runInjectionGuard(text, channel as InjectionChannel, config, deps.azure),
    };
  },
});
