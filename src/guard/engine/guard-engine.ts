// The guard engine: runs the guards the policy enables for each channel,
// collects one verdict per guard (per provider), and combines them into one
// decision. It never throws for any input: a guard that fails yields a
// verdict by its fail mode (closed = block, open = allow) instead.
import type { TokenCredential } from '@azure/identity';
import { createLogger } from '../../logging/logger.js';
import type { StateStore } from '../../state/state-store.js';
import { defaultGuardRegistry } from '../checks/index.js';
import type { GuardSettings } from '../guard-settings.js';
import { actionRank, strictest, type GuardAction, type GuardContext, type GuardDecision, type GuardEngine, type GuardVerdict } from '../guard-types.js';
import { loadGuardPolicy, parseGuardPolicy } from '../policy/load-policy.js';
import type { GuardPolicy } from '../policy/policy-schema.js';
import { AzureContentSafety } from '../providers/azure-content-safety.js';
import type { GuardRegistry } from '../registry/guard-registry.js';
import { policyKeyOf, type CheckInstance, type GateInstance, type GuardDeps } from '../registry/guard-spec.js';
import { applyEdits, type GuardOutcome } from './guard-result.js';
import { prepareText, type PreparedText } from './prepared-text.js';

export interface GuardEngineOptions {
  /** Use this policy instead of reading settings.policyFile (already validated). */
  policy?: GuardPolicy;
  /** Clock for rate limits and the circuit breaker. */
  now?: () => number;
  /** Credential for Content Safety when no key is configured (default: managed identity / DefaultAzureCredential). */
  credential?: TokenCredential;
  /** Base delay of the Content Safety retry backoff. */
  retryBaseDelayMs?: number;
  /** The guards to run (default: the built-in ones); a fork registers its own here. */
  registry?: GuardRegistry;
  /** Shared state for rate limits across instances; without it each process keeps its own buckets. */
  state?: StateStore;
}

type Channel = 'user' | 'document' | 'output';

const log = createLogger('guard');

export interface NamedGuard {
  name: string;
  failMode: 'open' | 'closed';
  run: () => GuardOutcome | Promise<GuardOutcome>;
}

/** Runs one guard; if it throws, its fail mode decides: closed blocks, open allows. Both are recorded. */
export function runSafely(guard: NamedGuard): GuardOutcome | Promise<GuardOutcome> {
  return runGuard(guard, guard.run);
}

// `run` is a parameter, not a property: under tsx (keepNames) a named arrow costs a defineProperty
// each time it is created, and the engine creates one per guard per check.
function runGuard(guard: Pick<NamedGuard, 'name' | 'failMode'>, run: NamedGuard['run']): GuardOutcome | Promise<GuardOutcome> {
  // Local guards answer synchronously: no promise for them (a turn runs several guards on two channels).
  try {
    const outcome = run();
    return isPending(outcome) ? Promise.resolve(outcome).catch((err: unknown) => failedOutcome(guard, err)) : outcome;
  } catch (err) {
    return failedOutcome(guard, err);
  }
}

function isPending<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

function failedOutcome(guard: Pick<NamedGuard, 'name' | 'failMode'>, err: unknown): GuardOutcome {
  log.error('guard failed', { guard: guard.name, error: (err as Error | undefined)?.name });
  const verdict: GuardVerdict = {
    guard: guard.name,
    action: guard.failMode === 'closed' ? 'block' : 'allow',
    category: 'guard-error',
    score: 0,
    spans: [],
    evidence: ['error.internal'],
    provider: 'local',
    fallback: `fail-${guard.failMode}`,
  };
  return { verdicts: [verdict], edits: [], messageKey: guard.failMode === 'closed' ? 'unavailable' : undefined };
}

/** Replaces lone surrogates so every later step works on well-formed text (same length, same offsets). */
function wellFormed(text: unknown): string {
  if (typeof text !== 'string') return '';
  // A native check first: the replace below scans with a look-behind, and nearly all text is well formed.
  if ((text as unknown as { isWellFormed(): boolean }).isWellFormed()) return text;
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

interface BuiltGuard<I> {
  name: string;
  instance: I;
}

export class PolicyGuardEngine implements GuardEngine {
  private readonly gates: BuiltGuard<GateInstance>[] = [];
  private readonly checks: Array<BuiltGuard<CheckInstance> & Pick<NamedGuard, 'failMode'>> = [];

  constructor(
    readonly policy: GuardPolicy,
    registry: GuardRegistry,
    deps: GuardDeps,
  ) {
    const sections = policy as unknown as Record<string, unknown>;
    for (const spec of registry.list()) {
      // Each guard validates its own section (defaults fill what the file leaves out).
      const instance = spec.create(spec.configSchema.parse(sections[policyKeyOf(spec)]), deps);
      if (instance?.kind === 'gate') this.gates.push({ name: spec.name, instance });
      else if (instance?.kind === 'check') this.checks.push({ name: spec.name, failMode: instance.failMode, instance });
    }
  }

  checkInput(text: string, ctx: GuardContext): Promise<GuardDecision> {
    return this.check('user', text, ctx);
  }

  checkDocument(text: string, ctx: GuardContext): Promise<GuardDecision> {
    return this.check('document', text, ctx);
  }

  checkOutput(text: string, ctx: GuardContext): Promise<GuardDecision> {
    return this.check('output', text, ctx);
  }

  private async check(channel: Channel, input: string, ctx: GuardContext): Promise<GuardDecision> {
    try {
      return await this.evaluate(channel, input, ctx);
    } catch (err) {
      // Only reachable through a bug in the engine itself: fail closed.
      log.error('guard engine failed', { channel, error: (err as Error).name });
      const verdict: GuardVerdict = { guard: 'engine', action: 'block', category: 'guard-error', score: 0, spans: [], evidence: ['error.engine'], provider: 'local', fallback: 'fail-closed' };
      return { action: 'block', text: '', verdicts: [verdict], userMessage: this.policy.messages.unavailable };
    }
  }

  private async evaluate(channel: Channel, input: string, ctx: GuardContext): Promise<GuardDecision> {
    const raw = wellFormed(input);
    // Gates (size, rate) in order; the first that stops the text decides alone.
    const passed: GuardOutcome[] = [];
    for (const g of this.gates) {
      const gated = g.instance.gate(raw, channel, ctx);
      const outcome = isPending(gated) ? await gated : gated;
      if (outcome?.verdicts.some((v) => v.action === 'block')) return this.combine(channel, raw, [outcome]);
      if (outcome) passed.push(outcome);
    }
    if (raw.trim().length === 0) {
      // Nothing to inspect; still one verdict so the audit record shows the check ran.
      const empty: GuardVerdict = { guard: 'limits', action: 'allow', category: 'empty', score: 0, spans: [], evidence: ['input.empty'], provider: 'local' };
      return this.combine(channel, raw, [...passed, { verdicts: [empty], edits: [] }]);
    }

    const text: PreparedText = prepareText(raw);
    const outcomes: Array<GuardOutcome | Promise<GuardOutcome>> = [];
    let pending = false;
    for (const g of this.checks) {
      if (!g.instance.runsOn(channel, ctx)) continue;
      const outcome = runGuard(g, () => g.instance.check(text, channel, ctx));
      pending ||= isPending(outcome);
      outcomes.push(outcome);
    }
    // Every guard started before any is awaited (remote ones run side by side); all-local needs no await.
    const settled = pending ? await Promise.all(outcomes) : (outcomes as GuardOutcome[]);
    return this.combine(channel, raw, [...passed, ...settled]);
  }
  private combine(channel: Channel, raw: string, outcomes: GuardOutcome[]): GuardDecision {
    const verdicts = outcomes.flatMap((o) => o.verdicts);
    let action: GuardAction = 'allow';
    for (const v of verdicts) action = strictest(action, v.action);
    if (action === 'block') {
      const blocking = outcomes.find((o) => o.verdicts.some((v) => v.action === 'block'));
      const key = blocking?.messageKey ?? (channel === 'output' ? 'outputBlocked' : channel === 'document' ? 'documentBlocked' : 'blocked');
      return { action, text: '', verdicts, userMessage: this.policy.messages[key] };
    }
    const edits = outcomes.filter((o) => o.verdicts.some((v) => actionRank[v.action] >= actionRank.mask)).flatMap((o) => o.edits);
    const text = applyEdits(raw, edits);
    if (action === 'needs-review') return { action, text, verdicts, userMessage: this.policy.messages.needsReview };
    return { action, text, verdicts };
  }
}

export async function createGuardEngine(settings: GuardSettings, options: GuardEngineOptions = {}): Promise<GuardEngine> {
  const registry = options.registry ?? defaultGuardRegistry();
  const policy = options.policy
    ? options.registry
      ? parseGuardPolicy(options.policy, '(options.policy)', registry)
      : options.policy
    : await loadGuardPolicy(settings.policyFile, registry);
  const sections = policy as unknown as Record<string, unknown>;
  const wantsAzure = registry.list().some((spec) => spec.usesAzure?.(spec.configSchema.parse(sections[policyKeyOf(spec)])) ?? false);
  let azure: AzureContentSafety | undefined;
  if (settings.contentSafety) {
    azure = new AzureContentSafety(settings.contentSafety, { credential: options.credential, retryBaseDelayMs: options.retryBaseDelayMs, now: options.now });
    if (!wantsAzure) log.info('CONTENT_SAFETY_ENDPOINT is set but the guard policy uses no azure provider; local guards only');
  } else if (wantsAzure) {
    log.info('guard policy asks for the azure provider but CONTENT_SAFETY_ENDPOINT is empty; local guards only');
  }
  return new PolicyGuardEngine(policy, registry, { settings, azure, now: options.now, credential: options.credential, state: options.state });
}
