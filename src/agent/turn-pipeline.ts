// One turn as data: input guard → prompt → model ⇄ tools (policy) → output guard → reply → audit.
// Plain functions over the ports in pipeline-ports.ts; no Agents SDK types here,
// so the pipeline runs the same under the HTTP host, the evaluator and tests.
import { createHash } from 'node:crypto';
import { textForAudit } from '../audit/text-policy.js';
import { despotlight } from '../prompt/spotlight.js';
import { finishTurnRecord, newTurnRecord, recordStage, verdictRecord, type TextPolicy, type TurnActor, type TurnOutcome, type TurnRecord } from '../audit/turn-record.js';
import type { GuardContext } from '../guard/guard-types.js';
import { createLogger } from '../logging/logger.js';
import type { ChatMessage, ModelToolCall } from '../model/model-types.js';
import type { HistoryCall } from '../state/conversation-history.js';
import type { SourceRef, ToolContext } from '../tools/tool.js';
import { checkInputSanity } from './input-sanity.js';
import type { ApprovalsPort, AuditPort, GuardPort, HistoryPort, ModelPort, PromptPort, PromptSession, ProvenancePort, ToolsPort, UserTokenPort } from './pipeline-ports.js';
import { historyNotice, loadHistory, saveTurn } from './turn-history.js';

const log = createLogger('pipeline');

export interface TurnRequest {
  text: string;
  actor: TurnActor;
  conversationId: string;
  channelId: string;
  correlationId?: string;
  /** The user's IANA time zone (validated by the caller); tools show times in it. */
  timeZone?: string;
  /**
   * The activity's AgentTurn when the caller (the activity layer) owns it: the pipeline fills it
   * and the caller writes it once for the whole activity. Without it the pipeline writes its own.
   */
  record?: TurnRecord;
}

export interface TurnReply {
  text: string;
  record: TurnRecord;
  outcome: TurnOutcome;
  /** Set when a tool needed the user's token and the user has not signed in. */
  signInRequired?: boolean;
  /** What a resource asked the sign-in to meet (conditional access): its claims, for the tool's scopes. */
  signInChallenge?: { claims: string; scopes: string[] };
  /** Tool calls held for a decision in this turn: the cards to show. */
  held?: HeldAction[];
  /** Files and pages this turn's tools returned (content withheld by a guard excluded): what the answer may cite. */
  sources?: SourceRef[];
}

export interface HeldAction {
  approvalId: string;
  tool: string;
  kind: 'approval' | 'confirmation';
}

export interface TurnPipelineDeps {
  guard: GuardPort;
  prompt: PromptPort;
  model: ModelPort;
  tools: ToolsPort;
  userTokens: UserTokenPort;
  audit: AuditPort;
  /** Without it, calls that need a decision are refused. */
  approvals?: ApprovalsPort;
  /** The conversation's earlier turns; without it every turn starts from scratch. */
  history?: HistoryPort;
  maxInputChars: number;
  maxToolRounds: number;
  /** Prompt and response text in the record; default redacted. */
  textPolicy?: TextPolicy;
  /** Provider, deployment and API version of the configured model (the response names the model version). */
  modelInfo?: { provider: string; deployment: string; apiVersion?: string; host?: string };
  /** Hashes of the guard and tool policies in force (they change on reload). */
  policyVersions?: () => { guardPolicy?: string; toolPolicy?: string; detectorWeights?: string };
  /** The kill-switch mode the turn runs in (the activity layer may have recorded it already). */
  mode?: () => string;
}

export interface TurnPipeline {
  runTurn(request: TurnRequest): Promise<TurnReply>;
}

class SignInNeeded extends Error {
  constructor(readonly challenge?: { claims: string; scopes: string[] }) {
    super('sign-in needed');
  }
}

export function createTurnPipeline(deps: TurnPipelineDeps): TurnPipeline {
  return {
    async runTurn(request) {
      const owned = request.record === undefined;
      const textPolicy = deps.textPolicy ?? 'redacted';
      const record =
        request.record ??
        newTurnRecord({ correlationId: request.correlationId, channelId: request.channelId, conversationId: request.conversationId, activityType: 'message', actor: request.actor, textPolicy });
      record.textPolicy = textPolicy;
      record.actor = request.actor;
      const raw = typeof request.text === 'string' ? request.text : '';
      record.input = { chars: raw.length, sha256: createHash('sha256').update(raw).digest('hex') };
      const promptText = textForAudit(textPolicy, raw);
      if (promptText !== undefined) record.promptText = promptText;
      if (deps.modelInfo) record.model = { ...deps.modelInfo };
      record.versions = { ...record.versions, ...deps.policyVersions?.() };
      if (deps.mode) record.mode ??= deps.mode();
      let reply: TurnReply;
      try {
        reply = await runStages(deps, request, record, raw);
      } catch (err) {
        reply = failure(record, err);
      }
      const held = record.toolCalls.filter((c): c is Record<string, unknown> & { approvalId: string } => typeof (c as { approvalId?: unknown }).approvalId === 'string');
      // Stored requests get their cards even when the answer text itself was withheld.
      if (held.length > 0) {
        reply.held = held.map((c) => ({ approvalId: c.approvalId, tool: String(c.tool), kind: c.held as HeldAction['kind'] }));
        if (reply.outcome === 'replied') reply.outcome = 'needs-approval';
      }
      record.outcome = reply.outcome;
      const responseText = textForAudit(textPolicy, reply.text);
      if (responseText !== undefined) record.responseText = responseText;
      if (!owned) return reply;
      finishTurnRecord(record, reply.outcome);
      try {
        await deps.audit.write(record);
      } catch (err) {
        // The user still gets an answer; a lost audit record is an operational alert.
        log.error('audit write failed', { correlationId: record.correlationId, error: err });
      }
      return reply;
    },
  };
}

async function runStages(deps: TurnPipelineDeps, request: TurnRequest, record: TurnRecord, raw: string): Promise<TurnReply> {
  const sanity = checkInputSanity(raw, deps.maxInputChars);
  if (!sanity.ok) {
    record.stages.push({ stage: 'input-sanity', at: new Date().toISOString(), durationMs: 0, detail: { rejected: sanity.reason } });
    return { text: sanity.reply, record, outcome: 'replied' };
  }

  const session = await deps.prompt.session(request.conversationId);
  if (session.systemPromptVersion) record.versions = { ...record.versions, systemPrompt: session.systemPromptVersion };
  const scope: GuardContext = {
    userId: request.actor.userId,
    tenantId: request.actor.tenantId,
    conversationId: request.conversationId,
    canary: session.canary,
    systemPrompt: session.systemPrompt,
  };

  const input = await recordStage(record, 'input-guard', () => deps.guard.checkInput(sanity.text, scope), (r) => ({ action: r.action }));
  record.guardVerdicts.push(...input.verdicts.map((v) => verdictRecord('input', v)));
  if (input.action === 'block' || input.action === 'needs-review') {
    return { text: input.userMessage ?? 'I can’t help with that request.', record, outcome: 'blocked' };
  }

  const history = await loadHistory(deps.history, request, record);
  const canaryId = canaryIdOf(session.canary);
  const messages = await recordStage(record, 'prompt', () => session.start(input.text, history.messages), (m) => ({ messages: m.length, canaryId }));
  const provenance = deps.tools.newProvenance(input.text, history.turns);
  const calls: HistoryCall[] = [];
  const reply = await runModel(deps, request, record, { session, scope, messages, provenance, calls, sources: new Map() });
  await saveTurn(deps.history, request, record, history, { user: input.text, calls, answer: reply.text, tainted: provenance.tainted });
  return { ...reply, text: reply.text + historyNotice(history) };
}

// The canary's fingerprint (never the canary) ties the audit records of one conversation together
// across instances. A conversation keeps its canary: its fingerprint is kept too (bounded).
const canaryIds = new Map<string, string>();
const maxCanaryIds = 10_000;
function canaryIdOf(canary: string): string {
  let id = canaryIds.get(canary);
  if (id === undefined) {
    if (canaryIds.size >= maxCanaryIds) canaryIds.clear();
    id = createHash('sha256').update(canary).digest('base64url').slice(0, 12);
    canaryIds.set(canary, id);
  }
  return id;
}

/** What the model rounds of one turn work on. */
interface ModelTurn {
  session: Pick<PromptSession, 'wrapUntrusted'>;
  scope: GuardContext;
  messages: ChatMessage[];
  provenance: ProvenancePort;
  calls: HistoryCall[];
  /** What the turn's tool results came from (citations); a read outranks a listing. */
  sources: Map<string, SourceRef>;
}

async function runModel(deps: TurnPipelineDeps, request: TurnRequest, record: TurnRecord, turn: ModelTurn): Promise<TurnReply> {
  const { session, scope, messages, provenance, sources } = turn;
  let finalText: string | null = null;

  for (let round = 0; round < deps.maxToolRounds && finalText === null; round++) {
    const response = await recordStage(
      record,
      'model',
      () => deps.model.complete({ messages, tools: deps.tools.list().map(({ name, description, parameters }) => ({ name, description, parameters })) }),
      (r) => ({ round, toolCalls: r.toolCalls.length, model: deps.model.label }),
    );
    if (response.usage) {
      const tokens = (record.tokens ??= { prompt: 0, completion: 0, total: 0 });
      tokens.prompt += response.usage.promptTokens;
      tokens.completion += response.usage.completionTokens;
      tokens.total = tokens.prompt + tokens.completion;
    }
    if (response.model && record.model) record.model.version = response.model;
    if (response.toolCalls.length === 0) {
      finalText = response.content ?? '';
      break;
    }
    messages.push({ role: 'assistant', content: response.content, toolCalls: response.toolCalls });
    for (const call of response.toolCalls) {
      const content = await recordStage(record, 'tool', () => runToolCall(deps, request, record, scope, session.wrapUntrusted, provenance, call, sources, turn.calls), () => ({ tool: call.name }));
      messages.push({ role: 'tool', toolCallId: call.id, content });
    }
  }
  record.tainted = provenance.tainted;
  if (finalText === null) finalText = 'I could not finish that request within the allowed number of steps. Please try a simpler request.';

  const output = await recordStage(record, 'output-guard', () => deps.guard.checkOutput(finalText ?? '', scope), (r) => ({ action: r.action }));
  record.guardVerdicts.push(...output.verdicts.map((v) => verdictRecord('output', v)));
  if (output.action === 'block' || output.action === 'needs-review') {
    return { text: output.userMessage ?? 'I prepared an answer but withheld it because it did not pass a safety check.', record, outcome: 'blocked' };
  }
  return { text: output.text, record, outcome: 'replied', sources: await citable(deps, scope, output.text, [...sources.values()]) };
}

/**
 * Sources the reply may cite. A name the answer shows passed the output guard with it; the name of a
 * file that was read but not named would reach the user only through its citation, so those names
 * get the same output check, and are dropped unless it allows them unchanged.
 */
async function citable(deps: TurnPipelineDeps, scope: GuardContext, text: string, sources: SourceRef[]): Promise<SourceRef[]> {
  if (sources.length === 0) return [];
  const unnamed = sources.filter((s) => s.read && !text.includes(s.name));
  const unnamedAllowed = unnamed.length > 0 && (await deps.guard.checkOutput(unnamed.map((s) => s.name).join('\n'), scope)).action === 'allow';
  return sources.filter((s) => text.includes(s.name) || (s.read && unnamedAllowed));
}

async function runToolCall(
  deps: TurnPipelineDeps,
  request: TurnRequest,
  record: TurnRecord,
  scope: GuardContext,
  wrapUntrusted: (content: string, source: string) => string,
  provenance: ProvenancePort,
  call: ModelToolCall,
  sources: Map<string, SourceRef>,
  calls: HistoryCall[],
): Promise<string> {
  // What the model saw, for the history: plain answers of ours, or untrusted data with its zone.
  const said = (content: string): string => {
    calls.push({ id: call.id, name: call.name, arguments: call.arguments, result: content, untrusted: false });
    return content;
  };
  const entry: Record<string, unknown> = { id: call.id, tool: call.name };
  record.toolCalls.push(entry);
  const tool = deps.tools.get(call.name);
  if (!tool) {
    entry.decision = 'deny';
    entry.rule = 'unknown-tool';
    return said(`Error: there is no tool named "${call.name.slice(0, 64)}".`);
  }
  const parsed = deps.tools.parseArguments(tool, call.arguments);
  if (!parsed.ok) {
    entry.decision = 'deny';
    entry.rule = 'invalid-arguments';
    return said(`Error: invalid arguments for ${tool.name}: ${parsed.error}`);
  }
  const verdict = deps.tools.decide(tool, parsed.args, provenance, request.actor);
  Object.assign(entry, { risk: tool.risk, decision: verdict.decision, rule: verdict.rule, flags: verdict.flags, ...(verdict.matched ? { matched: verdict.matched } : {}) });
  if (verdict.decision === 'deny') return said(`The action ${tool.name} was denied by policy: ${verdict.reason}`);
  const kind = verdict.decision === 'needs-approval' ? 'approval' : verdict.flags.includes('needs-confirmation') ? 'confirmation' : undefined;
  if (kind) {
    if (!deps.approvals) return said(`The action ${tool.name} needs ${kind === 'approval' ? 'approval by an approver' : 'the user’s confirmation'}, which is not available here, so it was not run.`);
    const held = await deps.approvals.hold({ kind, actor: request.actor, tool, args: parsed.args, rule: verdict.rule, reason: verdict.reason, turnId: record.correlationId });
    Object.assign(entry, { approvalId: held.id, held: kind });
    record.approvals.push({ approvalId: held.id, outcome: 'pending' });
    return said(
      kind === 'approval'
        ? `Not done yet: an approval request was sent to the approvers (reference ${held.id}); you will be told the outcome. ${verdict.reason}`
        : 'Not done yet: please check the card below and confirm or cancel.',
    );
  }

  // Set after a claims challenge: every token of the retry is then fetched fresh with these claims.
  let claims: string | undefined;
  const ctx: ToolContext = {
    actor: request.actor,
    correlationId: record.correlationId,
    ...(request.timeZone ? { timeZone: request.timeZone } : {}),
    getUserToken: async (scopes) => {
      try {
        return await deps.userTokens.getUserToken(request.actor, scopes, claims ? { claims } : undefined);
      } catch (err) {
        if (err instanceof Error && err.name === 'SignInRequiredError') throw new SignInNeeded(claims ? { claims, scopes: tool.scopes } : undefined);
        throw err;
      }
    },
  };
  const ran = await runWithClaimsRetry(() => tool.run(parsed.args, ctx), tool.scopes, (challenged) => {
    claims = challenged;
    entry.claimsChallenge = true;
  });
  // A tool that does not declare its results trusted ("as-marked") returns untrusted content, whatever it says.
  const result = tool.results === 'as-marked' ? ran : { ...ran, untrusted: true };
  // Tools report refusals (consent missing, OBO failed, Graph 403) as data so the audit shows them.
  const reported = (result.data as { error?: unknown } | undefined)?.error;
  entry.ok = reported === undefined;
  if (reported !== undefined) entry.error = reported;
  entry.untrusted = result.untrusted;
  if (result.zone) entry.zone = result.zone;
  if (result.found?.length || result.untrusted) record.dataSources.push({ tool: tool.name, ids: (result.found ?? []).slice(0, 50), ...(result.zone ? { zone: result.zone } : {}) });
  provenance.addToolOutput(tool, parsed.args, result);
  if (!result.untrusted) {
    noteSources(sources, result.sources);
    return said(result.content);
  }

  const checked = await deps.guard.checkDocument(result.content, scope);
  record.guardVerdicts.push(...checked.verdicts.map((v) => verdictRecord('document', v, tool.name)));
  const withheld = checked.action === 'block' || checked.action === 'needs-review';
  if (withheld) entry.contentWithheld = true;
  else noteSources(sources, result.sources);
  const wrapped = wrapUntrusted(withheld ? '[content withheld: it was flagged as unsafe by the content guard]' : checked.text, tool.name);
  calls.push({
    id: call.id,
    name: call.name,
    arguments: call.arguments,
    // The part the model saw (the chunker's selection), kept as data to spotlight again in later turns.
    result: despotlight(wrapped),
    untrusted: true,
    ...(result.zone ? { zone: result.zone } : {}),
    ...(result.found?.length ? { found: result.found.slice(0, 100) } : {}),
  });
  return wrapped;
}

/** Keeps what a tool result came from; a read outranks a listing of the same item. */
function noteSources(sources: Map<string, SourceRef>, found: SourceRef[] | undefined): void {
  for (const source of (found ?? []).slice(0, 50)) {
    const key = `${source.kind}:${source.id}`;
    const known = sources.get(key);
    if (!known || (source.read && !known.read)) sources.set(key, source);
  }
}

/**
 * A claims challenge (conditional access, CAE) refused the request before it ran: retry the tool
 * once with tokens that carry the claims. Entra issues them silently when the user's sign-in already
 * meets the policy; otherwise the token request fails with interaction required and the user signs in again.
 */
async function runWithClaimsRetry<T>(run: () => Promise<T>, scopes: string[], onChallenge: (claims: string) => void): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof Error && err.name === 'ClaimsChallengeError')) throw err;
    const claims = (err as Error & { claims: string }).claims;
    onChallenge(claims);
    try {
      return await run();
    } catch (again) {
      // Still challenged with fresh tokens: only a new sign-in can help.
      if (again instanceof Error && again.name === 'ClaimsChallengeError') throw new SignInNeeded({ claims, scopes });
      throw again;
    }
  }
}

function failure(record: TurnRecord, err: unknown): TurnReply {
  if (err instanceof SignInNeeded) {
    return { text: 'Please sign in so I can reach your Microsoft 365 data on your behalf.', record, outcome: 'sign-in-required', signInRequired: true, signInChallenge: err.challenge };
  }
  const code = err instanceof Error ? err.name : 'Error';
  record.error = { code, message: 'internal error', correlationId: record.correlationId };
  log.error('turn failed', { correlationId: record.correlationId, error: err });
  return {
    text: `Sorry, something went wrong on our side. If it happens again, give this reference to your administrator: ${record.correlationId}`,
    record,
    outcome: 'error',
  };
}

