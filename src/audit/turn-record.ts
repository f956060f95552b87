// One record per turn. Each pipeline stage appends to it; audit writes it once
// at the end, also when the turn was blocked or failed. Plain data only: no
// SDK types, so guard/, prompt/, tools/ and audit/ stay framework-free.
import { randomUUID } from 'node:crypto';

export type TurnOutcome = 'replied' | 'blocked' | 'error' | 'ignored' | 'needs-approval' | 'sign-in-required' | 'denied' | 'signed-in' | 'sign-in-failed';

/** What the agent acted on: one AgentTurn each. */
export type TurnKind = 'message' | 'command' | 'card-action' | 'sign-in' | 'sign-in-failure' | 'feedback' | 'invoke';

/** How prompt and response text go into the audit trail. */
export type TextPolicy = 'none' | 'redacted' | 'full';

export const agentTurnSchema = 'AgentTurn/1';

export interface TurnActor {
  /** Channel user id (Teams: 29:...). */
  userId: string;
  /** Entra object id when known. */
  aadObjectId?: string;
  tenantId?: string;
  /** App roles from the user's token (User, Approver, Auditor, Admin). */
  roles: string[];
}

export interface StageEvent {
  stage: string;
  at: string;
  durationMs: number;
  /** Short machine-readable facts about what the stage did; never raw user text or tokens. */
  detail?: Record<string, unknown>;
}

export interface GuardVerdictRecord {
  /** input | document | output */
  channel: string;
  guard: string;
  action: string;
  category: string;
  score: number;
  /** For document verdicts: the tool whose output was checked. */
  tool?: string;
  /** Set when Azure AI Content Safety gave the verdict (a dependency call). */
  provider?: 'azure';
}

export interface DataSourceRecord {
  tool: string;
  /** Item / drive ids the tool returned (identity, never content). */
  ids: string[];
  zone?: string;
}

export interface TurnRecord {
  schema: typeof agentTurnSchema;
  /** The turn id; also the reference a user sees with an error. */
  correlationId: string;
  /** W3C trace id (32 hex): the Application Insights operation id of every event of this turn. */
  operationId: string;
  startedAt: string;
  endedAt?: string;
  durationMs?: number;
  /** Raw channel id (msteams, m365copilot? webchat, emulator...) and what it means. */
  channelId: string;
  channel: 'teams' | 'copilot' | 'playground' | 'other';
  conversationId: string;
  /** The Bot Framework activity type (message, invoke). */
  activityType: string;
  kind: TurnKind;
  /** The invoke name or command name, when there is one. */
  name?: string;
  actor: TurnActor;
  /** Prompt and response text under the logging policy (absent with `none`). */
  textPolicy: TextPolicy;
  promptText?: string;
  responseText?: string;
  model?: { provider: string; deployment: string; version?: string; apiVersion?: string; host?: string };
  versions?: { systemPrompt?: string; guardPolicy?: string; toolPolicy?: string; detectorWeights?: string };
  /** The kill-switch mode the turn ran in: normal, read-only or maintenance. */
  mode?: string;
  tokens?: { prompt: number; completion: number; total: number };
  dataSources: DataSourceRecord[];
  approvals: Array<{ approvalId: string; outcome: string }>;
  /** Length and hash of the user text (the text itself is only kept by the audit policy, redacted). */
  input: { chars: number; sha256?: string };
  stages: StageEvent[];
  /** Guard verdicts, tool calls, policy decisions etc. appended by their stages. */
  guardVerdicts: GuardVerdictRecord[];
  toolCalls: Array<Record<string, unknown>>;
  /** True once untrusted content (documents, tool output) entered the model context. */
  tainted: boolean;
  outcome?: TurnOutcome;
  /** A short machine code of what happened, e.g. consent-required for a sign-in, like for feedback. */
  result?: string;
  /** Feedback only: the turn whose answer was rated (its turn id and operation id). */
  feedbackOn?: { turnId: string; operationId: string };
  error?: { code: string; message: string; correlationId: string };
}

export function channelOf(channelId: string): TurnRecord['channel'] {
  if (channelId === 'msteams') return 'teams';
  if (channelId === 'm365extensions' || channelId.startsWith('copilot') || channelId === 'm365copilot') return 'copilot';
  if (channelId === 'emulator' || channelId === 'webchat' || channelId === 'test' || channelId === 'agents-playground') return 'playground';
  return 'other';
}

export function newTurnRecord(
  init: Pick<TurnRecord, 'channelId' | 'conversationId' | 'activityType' | 'actor'> & { correlationId?: string; operationId?: string; kind?: TurnKind; name?: string; textPolicy?: TextPolicy },
): TurnRecord {
  return {
    schema: agentTurnSchema,
    correlationId: init.correlationId ?? randomUUID(),
    // A W3C trace id (32 hex, 122 random bits) from Node's UUID pool rather than a CSPRNG call per turn.
    operationId: init.operationId ?? randomUUID().replace(/-/g, ''),
    startedAt: new Date().toISOString(),
    channelId: init.channelId,
    channel: channelOf(init.channelId),
    conversationId: init.conversationId,
    activityType: init.activityType,
    kind: init.kind ?? 'message',
    ...(init.name ? { name: init.name } : {}),
    actor: init.actor,
    textPolicy: init.textPolicy ?? 'redacted',
    input: { chars: 0 },
    stages: [],
    guardVerdicts: [],
    dataSources: [],
    approvals: [],
    toolCalls: [],
    tainted: false,
  };
}

/** Closes the record: end time and total duration. */
export function finishTurnRecord(record: TurnRecord, outcome: TurnOutcome): void {
  record.outcome ??= outcome;
  record.endedAt = new Date().toISOString();
  record.durationMs = Math.max(0, Date.parse(record.endedAt) - Date.parse(record.startedAt));
}

/** A verdict as the audit keeps it: guard, action, category, score; spans and evidence stay out. */
export function verdictRecord(channel: string, verdict: unknown, tool?: string): GuardVerdictRecord {
  const v = (verdict ?? {}) as { guard?: unknown; action?: unknown; category?: unknown; score?: unknown; provider?: unknown };
  return {
    channel,
    guard: typeof v.guard === 'string' ? v.guard : 'unknown',
    action: typeof v.action === 'string' ? v.action : 'unknown',
    category: typeof v.category === 'string' ? v.category : 'unknown',
    score: typeof v.score === 'number' ? v.score : 0,
    ...(tool ? { tool } : {}),
    ...(v.provider === 'azure' ? { provider: 'azure' as const } : {}),
  };
}

/** Runs one stage and records its timing on the turn record, even when it throws. */
export async function recordStage<T>(record: TurnRecord, stage: string, run: () => Promise<T> | T, detail?: (result: T) => Record<string, unknown>): Promise<T> {
  const start = performance.now();
  const at = new Date().toISOString();
  try {
    const pending = run();
    // A stage that answers synchronously (local guards) costs no extra turn of the microtask queue.
    const result = typeof (pending as { then?: unknown } | undefined)?.then === 'function' ? await pending : (pending as T);
    record.stages.push({ stage, at, durationMs: elapsedMs(start), detail: detail?.(result) });
    return result;
  } catch (err) {
    record.stages.push({ stage, at, durationMs: elapsedMs(start), detail: { failed: true } });
    throw err;
  }
}

/** Milliseconds since `start`, to the microsecond: the timer's noise digits only lengthen every audit line. */
function elapsedMs(start: number): number {
  return Math.round((performance.now() - start) * 1000) / 1000;
}
