// Adapts each stage module to the pipeline's ports. This is the one place that
// knows every module; each adapter is a few lines because the modules already
// speak plain data.
import type { AppConfig } from '../../config.js';
import type { AuditTrail } from '../../audit/audit-trail.js';
import type { ReadinessCheck } from '../../host/http-server.js';
import { createGuardEngine, defaultGuardRegistry, shippedPolicyFile, type GuardSpec } from '../../guard/index.js';
import { createModelClient } from '../../model/index.js';
import { createPromptSessionStore } from '../../prompt/prompt-session-store.js';
import { newTurnProvenance, recordToolOutput, recordUntrusted, recordUserText, type TurnProvenance } from '../../tools/provenance.js';
import { ConversationHistory, type HistoryTurn } from '../../state/conversation-history.js';
import { registeredTools, type ToolFactory } from '../../tools/registered-tools.js';
import { createToolRegistry } from '../../tools/tool-registry.js';
import { DEFAULT_TOOL_POLICY_FILE, loadToolPolicy, parseToolArguments, type ToolPolicy } from '../../tools/tool-policy.js';
import type { ToolDefinition } from '../../tools/tool.js';
import type { AuditPort, GuardPort, ModelPort, PromptPort, ProvenancePort, ToolsPort, UserTokenPort } from '../pipeline-ports.js';
import type { TurnPipelineDeps } from '../turn-pipeline.js';
import type { StateStore } from '../../state/state-store.js';
import { StateError } from '../../state/state-errors.js';
import { createLogger } from '../../logging/logger.js';
import { PolicyGeneration, type PolicyReload, type PolicyVersions } from './policy-generation.js';
import { detectorWeightsVersion, fileVersion } from './component-versions.js';

const log = createLogger('runtime.policy');

export interface PolicyReloadResult {
  reloaded: string[];
  previous: PolicyVersions;
  next: PolicyVersions;
  /** False when the shared store failed: only this instance reloaded. */
  announced: boolean;
}

export interface BuiltPorts extends Omit<TurnPipelineDeps, 'maxInputChars' | 'maxToolRounds' | 'policyVersions' | 'history'> {
  /** The conversation history (the pipeline loads and saves it; "reset" clears it). */
  history: ConversationHistory;
  readiness: ReadinessCheck[];
  /** Re-reads the guard and tool policy files; on any error the running policies stay. `by` is kept as the last reload. */
  reloadPolicies(by?: PolicyReload['by']): Promise<PolicyReloadResult>;
  /** The versions in force here: guard and tool policy files, detector weights. */
  policyVersions(): PolicyVersions;
  /** Picks up a reload made on another instance now (each turn does it too); never throws. */
  followReloads(): Promise<void>;
  /** The last reload any instance recorded (undefined before the first, or when the store fails). */
  lastPolicyReload(): Promise<PolicyReload | undefined>;
  /** The model version the service last answered with (Azure OpenAI names it per response). */
  modelVersionSeen(): string | undefined;
  close(): Promise<void>;
}

export interface PortOverrides {
  userTokens: UserTokenPort;
  readiness?: ReadinessCheck[];
  /** Shared state (rate limits, canaries, item locations, policy generation); the runtime owns and closes it. */
  state: StateStore;
  /** A fork's own tools, registered beside the shipped ones (docs/extending.md). */
  tools?: readonly ToolFactory[];
  /** A fork's own guards, run after the built-in ones (docs/extending.md). */
  guards?: readonly GuardSpec[];
}

export async function buildPorts(config: AppConfig, auditTrail: Pick<AuditTrail, 'write'>, identity: PortOverrides): Promise<BuiltPorts> {
  // The built-in guards plus a fork's; the policy file then needs (or defaults) a section for each.
  const guardRegistry = defaultGuardRegistry().with(...(identity.guards ?? []));
  // Held by reference so an Admin's "reload policy" swaps them between turns.
  let guardEngine: GuardPort = await createGuardEngine(config.guard, { state: identity.state, registry: guardRegistry });
  const generation = new PolicyGeneration(identity.state);
  let seenGeneration = await generation.current().catch(() => 0);
  const guard: GuardPort = {
    // Once per turn, before anything else: pick up a reload made on another instance.
    checkInput: async (text, scope) => {
      await followReloads();
      return guardEngine.checkInput(text, scope);
    },
    checkDocument: (text, scope) => guardEngine.checkDocument(text, scope),
    checkOutput: (text, scope) => guardEngine.checkOutput(text, scope),
  };
  const sessions = createPromptSessionStore({ state: identity.state });
  const prompt: PromptPort = { session: (conversationId) => sessions.session(conversationId) };
  const client: ModelPort = createModelClient(config.model);
  let modelVersionSeen: string | undefined;
  const model: ModelPort = {
    label: client.label,
    complete: async (request) => {
      const response = await client.complete(request);
      if (response.model) modelVersionSeen = response.model.slice(0, 100);
      return response;
    },
  };
  const loadPolicy = () => loadToolPolicy(config.tools.policyFile, { tenantDomains: config.tools.tenantDomains });
  const policyHolder = { current: loadPolicy() };
  const tools = buildToolsPort(policyHolder, registeredTools(config.graph, identity.state, identity.tools));
  const audit: AuditPort = { write: (record) => auditTrail.write(record) };
  const history = new ConversationHistory(identity.state, config.state.history);
  // The audit names the policies in force by the hash of their files, read again on reload.
  const detectorWeights = detectorWeightsVersion();
  const policyFiles = (): PolicyVersions => ({
    guardPolicy: fileVersion(config.guard.policyFile ?? shippedPolicyFile),
    toolPolicy: fileVersion(config.tools.policyFile ?? DEFAULT_TOOL_POLICY_FILE),
    detectorWeights,
  });
  let versions = policyFiles();
  const reloadHere = async () => {
    const [nextGuard, nextPolicy] = [await createGuardEngine(config.guard, { state: identity.state, registry: guardRegistry }), loadPolicy()];
    guardEngine = nextGuard;
    policyHolder.current = nextPolicy;
    versions = policyFiles();
    return ['guard policy', 'tool policy'];
  };
  const reloadPolicies = async (by: PolicyReload['by'] = { userId: 'operator' }): Promise<PolicyReloadResult> => {
    const previous = versions;
    const reloaded = await reloadHere();
    const next = versions;
    try {
      seenGeneration = await generation.bump();
    } catch (err) {
      if (!(err instanceof StateError)) throw err;
      log.warn('policy reload not announced to the other instances', { code: err.code, backend: err.backend });
      return { reloaded: [...reloaded, 'on this instance only (the shared state store is unavailable)'], previous, next, announced: false };
    }
    // For `status` only: the reload itself is done and announced, and the command's AgentTurn keeps who and what.
    await generation.recordReload({ at: new Date().toISOString(), by, generation: seenGeneration, previous, next }).catch((err: unknown) => {
      log.warn('last policy reload not kept in the shared state', { error: err instanceof StateError ? err.code : 'error' });
    });
    return { reloaded, previous, next, announced: true };
  };
  // The turns that start in one pass of the event loop share one read, taken in the check phase
  // after the pass: after each of them started, so a reload made anywhere before a turn started
  // applies to that turn, at one store read per pass instead of one per turn. A turn arriving once
  // the read has begun waits for the next one.
  let following: Promise<void> | undefined;
  // A reload this instance is still applying: a later read that sees the same generation waits for it.
  let applying: Promise<unknown> | undefined;
  const followReloads = () =>
    (following ??= (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      following = undefined;
      try {
        const current = await generation.current();
        if (current === seenGeneration) {
          await applying;
          return;
        }
        seenGeneration = current;
        await (applying = reloadHere());
        log.info('policies reloaded after a reload on another instance', { generation: current });
      } catch (err) {
        // Store down or a bad policy file: the running policies stay in force.
        log.warn('could not follow a policy reload', { error: err instanceof Error ? err.name : 'error' });
      }
    })());
  return {
    guard,
    prompt,
    model,
    tools,
    userTokens: identity.userTokens,
    audit,
    history,
    readiness: identity.readiness ?? [],
    reloadPolicies,
    textPolicy: config.audit.textPolicy,
    modelInfo: modelInfoOf(config),
    policyVersions: () => versions,
    followReloads,
    lastPolicyReload: () => generation.lastReload().catch(() => undefined),
    modelVersionSeen: () => modelVersionSeen,
    close: async () => {},
  };
}

function modelInfoOf(config: AppConfig): { provider: string; deployment: string; apiVersion?: string; host?: string } {
  const { provider, azure, openAiCompatible } = config.model;
  const host = (url: string) => {
    try {
      return new URL(url).host;
    } catch {
      return undefined;
    }
  };
  if (azure) return { provider, deployment: azure.deployment, apiVersion: azure.apiVersion, host: host(azure.endpoint) };
  if (openAiCompatible) return { provider, deployment: openAiCompatible.model, host: host(openAiCompatible.baseUrl) };
  return { provider, deployment: provider };
}

/** The pipeline's view of a turn's provenance. A class, not an object literal with an arrow per turn: under tsx (keepNames) each costs a defineProperty. */
class ProvenanceOfTurn implements ProvenancePort {
  constructor(private readonly record: TurnProvenance) {}

  get tainted(): boolean {
    return this.record.tainted;
  }

  addToolOutput(...[tool, args, result]: Parameters<ProvenancePort['addToolOutput']>): void {
    recordToolOutput(this.record, tool, args, result);
  }
}

function buildToolsPort(policy: { current: ToolPolicy }, definitions: ToolDefinition[]): ToolsPort {
  const registry = createToolRegistry(definitions);
  // The pipeline only sees ProvenancePort; the policy needs the full record behind it.
  const records = new WeakMap<ProvenancePort, TurnProvenance>();
  return {
    list: () => registry.list(),
    get: (name) => registry.get(name),
    parseArguments: parseToolArguments,
    newProvenance(userText, earlier = []) {
      const record = newTurnProvenance(userText);
      for (const turn of earlier) restoreTurn(record, turn, registry.get);
      const port = new ProvenanceOfTurn(record);
      records.set(port, record);
      return port;
    },
    decide(tool, args, provenance, actor) {
      const record = records.get(provenance);
      if (!record) return { decision: 'deny', rule: 'unknown-provenance', reason: 'the turn’s provenance is unknown', flags: [] };
      return policy.current.decide({ tool, args }, record, actor);
    },
  };
}

/**
 * What an earlier turn the model sees again brings into this turn's provenance:
 * the user's words stay the user's; each untrusted result stays untrusted with
 * its zone (and lookups keep what they found); the answer of a tainted turn is
 * untrusted too, since the model wrote it with that content in view.
 */
function restoreTurn(record: TurnProvenance, turn: HistoryTurn, toolNamed: (name: string) => ToolDefinition | undefined): void {
  recordUserText(record, turn.user);
  for (const call of turn.calls) {
    if (!call.untrusted) continue;
    const tool = toolNamed(call.name);
    const args = parseStoredArguments(call.arguments);
    if (tool) recordToolOutput(record, tool, args, { content: call.result, untrusted: true, zone: call.zone, found: call.found });
    else recordUntrusted(record, call.name, call.result, call.zone);
  }
  if (turn.tainted) recordUntrusted(record, 'earlier-answer', turn.answer, turn.zone);
}

function parseStoredArguments(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
