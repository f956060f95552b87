// The decisions and the one execution of an approved (or confirmed) action.
// Framework-free: the agent's routes translate card invokes into `decide`,
// and a notifier port carries outcomes back to Teams.
import { randomUUID } from 'node:crypto';
import { finishTurnRecord, newTurnRecord, type TurnActor, type TurnRecord } from '../audit/turn-record.js';
import { createLogger } from '../logging/logger.js';
import type { Reconciled, RiskClass, ToolContext, ToolDefinition, ToolResult } from '../tools/tool.js';
import { argumentsHash, isFinal, samePerson, type ApprovalActor, type ApprovalKind, type ApprovalRecord, type ApprovalState } from './approval-record.js';
import type { ApprovalSettings, MfaProof } from './approval-settings.js';
import type { ApprovalStore } from './approval-store.js';

const log = createLogger('approvals');
/** How long one execution attempt may take before another instance may call it interrupted (APPROVAL_EXECUTION_LEASE_SEC). */
const defaultLeaseMs = 2 * 60_000;
/** Attempts (a run, or a check of Graph and a run) before an action whose outcome stays unknown is given up. */
const maxAttempts = 5;
/** Tool failures after which Graph may still have applied the write: checked, never assumed. */
const outcomeUnknown = new Set(['graph_timeout', 'graph_unavailable']);

export type Verb = 'approve' | 'reject' | 'cancel' | 'confirm';

/** What the approver's current sign-in shows (from the validated token bound to the sender). */
export interface SignInFacts {
  roles: string[];
  amr: string[];
  acrs: string[];
  /** Group object ids from the token's groups claim. */
  groups?: string[];
  /** Display name from the token. */
  name?: string;
}

export interface ApprovalServiceDeps {
  store: ApprovalStore;
  settings: Pick<ApprovalSettings, 'ttlMs' | 'approverRole' | 'approversGroupId' | 'mfa' | 'mfaRisks'> & Partial<Pick<ApprovalSettings, 'approvers' | 'executionLeaseMs'>>;
  tools: { get(name: string): ToolDefinition | undefined; parseArguments(tool: ToolDefinition, raw: string): { ok: true; args: Record<string, unknown> } | { ok: false; error: string } };
  /** The requester's delegated token: the action runs as the person who asked for it. */
  userToken(actor: TurnActor, scopes: string[]): Promise<string>;
  /** Facts of the actor's sign-in, or undefined when they are not signed in. */
  signInOf(actor: ApprovalActor): SignInFacts | undefined;
  /**
   * Whether Entra issues a token for the actor under this claims request (e.g. authentication context c1):
   * the proof of a step-up that the sign-in token itself does not show. False when Entra asks for interaction.
   */
  meetsClaims?(actor: ApprovalActor, claims: string): Promise<boolean>;
  audit(record: TurnRecord): Promise<void>;
  /** The requester's manager (Graph /me/manager as the requester), when approvers are managers; undefined = none or unknown. */
  managerOf?(requester: TurnActor): Promise<{ oid: string; name?: string } | undefined>;
  /** Told after every state change (cards, the requester's conversation). Failures are logged, never thrown. */
  onChange?(record: ApprovalRecord, previous: ApprovalState): Promise<void>;
  /** The kill-switch mode, recorded on every step's audit record. */
  mode?: () => string;
  now?: () => number;
}

export interface ApprovalRequest {
  kind: ApprovalKind;
  requester: ApprovalActor;
  tool: ToolDefinition;
  args: Record<string, unknown>;
  rule: string;
  reason: string;
  turnId: string;
}

export type DecisionCode = 'not-found' | 'tampered' | 'wrong-tenant' | 'self-approval' | 'not-approver' | 'not-requester' | 'step-up' | 'expired' | 'already-decided' | 'wrong-verb';

export type DecisionResult = { ok: true; record: ApprovalRecord } | { ok: false; code: DecisionCode; record?: ApprovalRecord; message: string; demand?: { claims: string } };

const messages: Record<DecisionCode, string> = {
  'not-found': 'This request does not exist (or no longer exists).',
  tampered: 'This card does not match the stored request. Nothing was done.',
  'wrong-tenant': 'This request belongs to another organisation.',
  'self-approval': 'You cannot approve or reject your own request. Another approver must decide.',
  'not-approver': 'Only approvers can decide on this request.',
  'not-requester': 'Only the person who asked can confirm or cancel this.',
  'step-up': 'Deciding on this action needs a multi-factor sign-in. Please sign in again with MFA, then click again.',
  expired: 'This request has expired. Nothing was done.',
  'already-decided': 'This request was already decided.',
  'wrong-verb': 'That action does not apply to this request.',
};

export class ApprovalService {
  private readonly now: () => number;
  constructor(private readonly deps: ApprovalServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  get store(): ApprovalStore {
    return this.deps.store;
  }

  async request(input: ApprovalRequest): Promise<ApprovalRecord> {
    const created = this.now();
    const record: ApprovalRecord = {
      id: randomUUID(),
      kind: input.kind,
      tenantId: input.requester.tenantId ?? 'unknown',
      requester: pickActor(input.requester),
      tool: input.tool.name,
      args: structuredClone(input.args),
      argsSha256: argumentsHash(input.tool.name, input.args),
      risk: input.tool.risk,
      rule: input.rule,
      reason: input.reason,
      turnId: input.turnId,
      createdAt: new Date(created).toISOString(),
      expiresAt: new Date(created + this.deps.settings.ttlMs).toISOString(),
      state: 'pending',
      idempotencyKey: randomUUID(),
      history: [{ at: new Date(created).toISOString(), state: 'pending', by: actorRef(input.requester) }],
    };
    const target = await this.describeTarget(input.tool, input.args, record.requester);
    if (target) record.target = target;
    if (record.kind === 'approval' && this.deps.settings.approvers === 'manager') {
      const manager = await this.managerOf(record.requester);
      if (manager) {
        record.approverOids = [manager.oid];
        if (manager.name) record.approverName = manager.name.slice(0, 100);
      }
    }
    await this.deps.store.create(record);
    await this.audit(input.requester, record, 'requested', 'needs-approval', { approvers: record.approverOids ? 'manager' : 'role' });
    return record;
  }

  /**
   * A decision from a card. `cardHash`, when the card carried one, must match the stored
   * arguments: a card edited to show other arguments is refused, but the stored record is what runs.
   */
  async decide(input: { id: unknown; verb: Verb; actor: ApprovalActor; comment?: string; cardHash?: unknown }): Promise<DecisionResult> {
    const id = typeof input.id === 'string' && /^[0-9a-f-]{36}$/i.test(input.id) ? input.id.toLowerCase() : undefined;
    const record = id ? await this.deps.store.get(id) : undefined;
    const refuse = async (code: DecisionCode, rec?: ApprovalRecord, demand?: { claims: string }): Promise<DecisionResult> => {
      await this.audit(input.actor, rec, `refused:${code}`, 'blocked', { verb: input.verb, approvalId: rec?.id });
      return { ok: false, code, record: rec, message: messages[code], demand };
    };
    if (!record) return refuse('not-found');
    if (input.cardHash !== record.argsSha256) return refuse('tampered', record);
    if ((input.actor.tenantId ?? '').toLowerCase() !== record.tenantId.toLowerCase()) return refuse('wrong-tenant');
    const check = await this.authorise(input.verb, input.actor, record);
    if (check) return refuse(check.code, record, check.demand);
    if (record.state !== 'pending') return refuse('already-decided', record);
    if (Date.parse(record.expiresAt) <= this.now()) {
      await this.expire(record.id);
      return refuse('expired', (await this.deps.store.get(record.id)) ?? record);
    }
    const to: ApprovalState = { approve: 'approved', reject: 'rejected', cancel: 'cancelled', confirm: 'confirmed' }[input.verb] as ApprovalState;
    const comment = input.verb === 'reject' && typeof input.comment === 'string' ? input.comment.trim().slice(0, 500) : undefined;
    const moved = await this.deps.store.transition(record.id, ['pending'], (r) => {
      r.state = to;
      r.decidedBy = pickActor(input.actor);
      if (comment) r.comment = comment;
      r.history.push({ at: new Date(this.now()).toISOString(), state: to, by: actorRef(input.actor) });
      return r;
    });
    if (!moved.ok) return refuse(moved.reason === 'missing' ? 'not-found' : 'already-decided', moved.record);
    await this.audit(input.actor, moved.record, input.verb, 'replied');
    await this.notify(moved.record, 'pending');
    if (to === 'approved' || to === 'confirmed') return { ok: true, record: (await this.execute(moved.record.id)) ?? moved.record };
    return { ok: true, record: moved.record };
  }

  /** Runs an approved or confirmed action once: only the instance whose CAS to `executing` wins runs it. */
  async execute(id: string): Promise<ApprovalRecord | undefined> {
    const claimed = await this.deps.store.transition(id, ['approved', 'confirmed'], (r) => this.claim(r));
    if (!claimed.ok) return claimed.record;
    return this.attempt(claimed.record, false);
  }

  /** Expires what waited too long; finishes decided actions an earlier process did not run; reconciles interrupted runs with Graph. */
  async sweep(): Promise<void> {
    for (const id of await this.deps.store.openIds()) {
      try {
        const record = await this.deps.store.get(id);
        if (!record || isFinal(record.state)) {
          await this.deps.store.removeFromIndex(id);
        } else if (record.state === 'pending' && Date.parse(record.expiresAt) <= this.now()) {
          await this.expire(id);
        } else if (record.state === 'approved' || record.state === 'confirmed') {
          await this.execute(id);
        } else if (record.state === 'executing' && this.leaseOver(record)) {
          await this.resume(record);
        }
      } catch (err) {
        log.warn('approval sweep step failed', { error: err instanceof Error ? err.message : 'error' });
      }
    }
  }

  /**
   * An attempt died mid-call (process gone, Graph timed out): ask Graph whether it took effect,
   * by the idempotency key the attempt carried, and run it again only if it did not. A tool
   * without such a check is never repeated (at most once).
   */
  private async resume(record: ApprovalRecord): Promise<void> {
    const tool = this.deps.tools.get(record.tool);
    if (!tool?.reconcile || (record.attempts ?? 1) >= maxAttempts) {
      await this.finish(record, 'failed', 'The action was interrupted; check whether it took effect before asking again.');
      return;
    }
    const reclaimed = await this.deps.store.transition(record.id, ['executing'], (r) => this.claim(r, 'interrupted; checking Microsoft 365 for its effect'), (r) => this.leaseOver(r));
    if (reclaimed.ok) await this.attempt(reclaimed.record, true);
  }

  /** One attempt under the lease this instance holds; `checkFirst` asks Graph before running. */
  private async attempt(record: ApprovalRecord, checkFirst: boolean): Promise<ApprovalRecord | undefined> {
    const decided: ApprovalState = record.kind === 'approval' ? 'approved' : 'confirmed';
    const tool = this.deps.tools.get(record.tool);
    let result: ToolResult;
    try {
      if (checkFirst) {
        const found = await this.reconcileStored(record);
        if (found.applied) return this.finish(record, 'executed', found.result.content.slice(0, 500), 'took effect before the interruption');
      }
      result = await this.runStored(record);
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      if (name === 'ArgumentsMismatch') return this.finish(record, 'failed', 'The stored arguments failed verification; nothing was run.');
      if (name === 'SignInRequiredError' && !checkFirst) {
        // Not run: the requester's sign-in is not available here. Back to decided; the sweep retries.
        const back = await this.deps.store.transition(record.id, ['executing'], (r) => {
          r.state = decided;
          r.executingUntil = undefined;
          r.attempts = Math.max(0, (r.attempts ?? 1) - 1);
          r.history = [...r.history, { at: new Date(this.now()).toISOString(), state: decided, note: 'waiting for the requester’s sign-in' }].slice(-20);
          return r;
        }, this.sameAttempt(record));
        return back.record;
      }
      // Whether Graph applied it is unknown: the lease runs out and the sweep checks (tools that can), or it fails.
      if (tool?.reconcile) return this.keepForCheck(record);
      return this.finish(record, 'failed', 'The action failed.');
    }
    const error = (result.data as { error?: unknown } | undefined)?.error;
    if (typeof error === 'string' && outcomeUnknown.has(error) && tool?.reconcile) return this.keepForCheck(record);
    return this.finish(record, error === undefined ? 'executed' : 'failed', result.content.slice(0, 500));
  }

  /** Leaves the record `executing` for the sweep to check after the lease (a full lease, so a late Graph answer lands first). */
  private async keepForCheck(record: ApprovalRecord): Promise<ApprovalRecord | undefined> {
    const kept = await this.deps.store.transition(record.id, ['executing'], (r) => {
      r.executingUntil = new Date(this.now() + this.leaseMs).toISOString();
      r.history = [...r.history, { at: new Date(this.now()).toISOString(), state: 'executing' as const, note: 'outcome unknown; Microsoft 365 is checked before any new attempt' }].slice(-20);
      return r;
    }, this.sameAttempt(record));
    await this.audit(record.decidedBy ?? record.requester, kept.record ?? record, 'outcome-unknown', 'error');
    return kept.record;
  }

  private claim(r: ApprovalRecord, note?: string): ApprovalRecord {
    r.state = 'executing';
    r.executingUntil = new Date(this.now() + this.leaseMs).toISOString();
    r.attempts = (r.attempts ?? 0) + 1;
    r.history = [...r.history, { at: new Date(this.now()).toISOString(), state: 'executing' as const, ...(note ? { note } : {}) }].slice(-20);
    return r;
  }

  private get leaseMs(): number {
    return this.deps.settings.executionLeaseMs ?? defaultLeaseMs;
  }

  private leaseOver(r: ApprovalRecord): boolean {
    return r.executingUntil !== undefined && Date.parse(r.executingUntil) <= this.now();
  }

  /** Only the attempt that holds the lease may end it (a late answer of an older attempt changes nothing). */
  private sameAttempt(record: ApprovalRecord): (r: ApprovalRecord) => boolean {
    return (r) => (r.attempts ?? 0) === (record.attempts ?? 0);
  }

  async expire(id: string): Promise<void> {
    const moved = await this.deps.store.transition(id, ['pending'], (r) => {
      r.state = 'expired';
      r.history.push({ at: new Date(this.now()).toISOString(), state: 'expired' });
      return r;
    });
    if (moved.ok) {
      await this.audit(moved.record.requester, moved.record, 'expired', 'blocked');
      await this.notify(moved.record, 'pending');
    }
  }

  /** Who may use this verb on this record; undefined = allowed. */
  private async authorise(verb: Verb, actor: ApprovalActor, record: ApprovalRecord): Promise<{ code: DecisionCode; demand?: { claims: string } } | undefined> {
    if (verb === 'confirm' || verb === 'cancel') {
      if (verb === 'confirm' && record.kind !== 'confirmation') return { code: 'wrong-verb' };
      return samePerson(actor, record.requester) ? undefined : { code: 'not-requester' };
    }
    if (record.kind !== 'approval') return { code: 'wrong-verb' };
    if (samePerson(actor, record.requester)) return { code: 'self-approval' };
    const signIn = this.deps.signInOf(actor);
    // The manager decides by being the manager (checked against the signed-in object id); otherwise the role or group.
    const allowed = record.approverOids
      ? record.approverOids.some((oid) => oid.toLowerCase() === (actor.aadObjectId ?? '').toLowerCase())
      : signIn !== undefined && isApprover(signIn, this.deps.settings);
    if (!signIn || !allowed) return { code: 'not-approver' };
    const { mfa, mfaRisks } = this.deps.settings;
    if (mfa.length > 0 && mfaRisks.includes(record.risk as RiskClass) && !(await this.showsMfa(actor, signIn, mfa))) {
      const context = mfa.find((p) => p.kind === 'acrs');
      const claims = context ? { access_token: { acrs: { essential: true, value: context.value } } } : { access_token: { amr: { essential: true, values: mfa.map((p) => p.value) } } };
      return { code: 'step-up', demand: { claims: JSON.stringify(claims) } };
    }
    return undefined;
  }

  /** The sign-in token shows one of the proofs, or Entra grants a token under the authentication context's claims request. */
  private async showsMfa(actor: ApprovalActor, signIn: SignInFacts, mfa: MfaProof[]): Promise<boolean> {
    if (mfa.some((p) => (p.kind === 'amr' ? signIn.amr : signIn.acrs).includes(p.value))) return true;
    for (const proof of mfa.filter((p) => p.kind === 'acrs')) {
      const claims = JSON.stringify({ access_token: { acrs: { essential: true, value: proof.value } } });
      try {
        if (await this.deps.meetsClaims?.(actor, claims)) return true;
      } catch (err) {
        log.warn('authentication context check failed; asking for a step-up', { error: err instanceof Error ? err.name : 'error' });
      }
    }
    return false;
  }

  /** The manager lookup never blocks a request: no manager or a failed lookup falls back to the role. */
  private async managerOf(requester: ApprovalActor): Promise<{ oid: string; name?: string } | undefined> {
    if (!this.deps.managerOf) return undefined;
    try {
      return await this.deps.managerOf({ userId: requester.userId, aadObjectId: requester.aadObjectId, tenantId: requester.tenantId, roles: [] });
    } catch (err) {
      log.warn('manager look-up failed; approvers by role', { error: err instanceof Error ? err.name : 'error' });
      return undefined;
    }
  }

  /** The stored arguments, verified: the hash over them and the tool's schema once more. */
  private verified(record: ApprovalRecord): { tool: ToolDefinition; args: Record<string, unknown>; ctx: ToolContext } {
    const tool = this.deps.tools.get(record.tool);
    if (!tool || argumentsHash(record.tool, record.args) !== record.argsSha256) throw Object.assign(new Error('arguments mismatch'), { name: 'ArgumentsMismatch' });
    const parsed = this.deps.tools.parseArguments(tool, JSON.stringify(record.args));
    if (!parsed.ok || argumentsHash(record.tool, parsed.args) !== record.argsSha256) throw Object.assign(new Error('arguments mismatch'), { name: 'ArgumentsMismatch' });
    return { tool, args: parsed.args, ctx: this.requesterContext(record.requester, record.idempotencyKey) };
  }

  private async runStored(record: ApprovalRecord): Promise<ToolResult> {
    const { tool, args, ctx } = this.verified(record);
    return tool.run(args, ctx);
  }

  private async reconcileStored(record: ApprovalRecord): Promise<Reconciled> {
    const { tool, args, ctx } = this.verified(record);
    if (!tool.reconcile) throw new Error('the tool cannot check its effect');
    return tool.reconcile(args, ctx);
  }

  /** As the requester: the action runs as the person who asked, with the approval's idempotency key. */
  private requesterContext(actor: ApprovalActor, idempotencyKey: string): ToolContext {
    const requester: TurnActor = { userId: actor.userId, aadObjectId: actor.aadObjectId, tenantId: actor.tenantId, roles: [] };
    return { actor: requester, correlationId: idempotencyKey, idempotencyKey, getUserToken: (scopes) => this.deps.userToken(requester, scopes) };
  }

  /** The card names the target as Graph knows it (a file's name for its id); a failed look-up leaves the ids on the card. */
  private async describeTarget(tool: ToolDefinition, args: Record<string, unknown>, requester: ApprovalActor): Promise<Record<string, string> | undefined> {
    if (!tool.describeTarget) return undefined;
    try {
      const target = await tool.describeTarget(args, this.requesterContext(requester, randomUUID()));
      return target && Object.keys(target).length > 0 ? Object.fromEntries(Object.entries(target).slice(0, 6).map(([k, v]) => [k, v.slice(0, 200)])) : undefined;
    } catch (err) {
      log.warn('approval target not described', { tool: tool.name, error: err instanceof Error ? err.name : 'error' });
      return undefined;
    }
  }

  private async finish(record: ApprovalRecord, state: 'executed' | 'failed', outcome: string, note?: string): Promise<ApprovalRecord | undefined> {
    const done = await this.deps.store.transition(record.id, ['executing'], (r) => {
      r.state = state;
      r.outcome = outcome;
      r.executingUntil = undefined;
      r.history = [...r.history, { at: new Date(this.now()).toISOString(), state, ...(note ? { note } : {}) }].slice(-20);
      return r;
    }, this.sameAttempt(record));
    if (!done.ok) return done.record;
    await this.audit(record.decidedBy ?? record.requester, done.record, state, state === 'executed' ? 'replied' : 'error');
    await this.notify(done.record, 'executing');
    return done.record;
  }

  private async notify(record: ApprovalRecord, previous: ApprovalState): Promise<void> {
    try {
      await this.deps.onChange?.(record, previous);
    } catch (err) {
      log.warn('approval notification failed', { approvalId: record.id, error: err instanceof Error ? err.message : 'error' });
    }
  }

  /** One audit record per step, shaped like a turn record so the audit log and its tools read it the same way. */
  private async audit(actor: ApprovalActor, record: ApprovalRecord | undefined, step: string, outcome: TurnRecord['outcome'], extra: Record<string, unknown> = {}): Promise<void> {
    const entry = newTurnRecord({ channelId: 'approval', conversationId: record?.requesterConversation?.conversationId ?? 'approval', activityType: 'approval', kind: 'card-action', name: `approval/${step}`, actor: { userId: actor.userId, aadObjectId: actor.aadObjectId, tenantId: actor.tenantId, roles: [] } });
    if (this.deps.mode) entry.mode = this.deps.mode();
    // The approvals list is what the alert queries read (e.g. outcome "rejected").
    if (record) entry.approvals.push({ approvalId: record.id, outcome: step.startsWith('refused') ? step : record.state });
    entry.stages.push({
      stage: 'approval',
      at: new Date(this.now()).toISOString(),
      durationMs: 0,
      detail: { step, ...(record ? { approvalId: record.id, kind: record.kind, tool: record.tool, argsSha256: record.argsSha256, state: record.state, rule: record.rule, turnId: record.turnId } : {}), ...extra },
    });
    finishTurnRecord(entry, outcome ?? 'replied');
    try {
      await this.deps.audit(entry);
    } catch (err) {
      log.error('approval audit write failed', { correlationId: entry.correlationId, error: err });
    }
  }
}

/** The Approver app role, or membership of the approvers group when one is configured (the token's groups claim). */
export function isApprover(signIn: SignInFacts, settings: Pick<ApprovalSettings, 'approverRole' | 'approversGroupId'>): boolean {
  if (signIn.roles.includes(settings.approverRole)) return true;
  const group = settings.approversGroupId?.toLowerCase();
  return group !== undefined && (signIn.groups ?? []).some((g) => g.toLowerCase() === group);
}

/** Only the fields an approval keeps (callers may pass a turn actor with roles). */
const pickActor = (a: ApprovalActor): ApprovalActor => ({ userId: a.userId, ...(a.aadObjectId ? { aadObjectId: a.aadObjectId } : {}), ...(a.tenantId ? { tenantId: a.tenantId } : {}), ...(a.name ? { name: a.name.slice(0, 100) } : {}) });
const actorRef = (actor: ApprovalActor) => actor.aadObjectId ?? actor.userId;
