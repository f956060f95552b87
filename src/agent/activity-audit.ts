// One AgentTurn per inbound activity the agent acts on: messages, commands,
// card actions, sign-in exchanges and failures, feedback. The record is opened
// before routing, reachable from every route through the context, and written
// once when the activity is done, also when a route was refused or threw.
import { ActivityTypes, type Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { finishTurnRecord, newTurnRecord, type TextPolicy, type TurnKind, type TurnOutcome, type TurnRecord } from '../audit/turn-record.js';
import { createLogger } from '../logging/logger.js';
import { actorFromActivity } from './activity-actor.js';
import type { AuditPort } from './pipeline-ports.js';

const log = createLogger('audit');
const records = new WeakMap<TurnContext, TurnRecord>();

export interface ActivityAuditDeps {
  audit: AuditPort;
  textPolicy: TextPolicy;
  /** The sender's app roles (none once they signed out anywhere). */
  rolesFor?: (activity: Activity) => Promise<string[]>;
  /** Runs the activity's routing as its turn (Application Insights: the storage calls it makes are the turn's dependencies). */
  runTurn?: <T>(record: TurnRecord, work: () => Promise<T>) => Promise<T>;
  /** The kill-switch mode the activity runs in (read once, before routing). */
  mode?: () => Promise<string>;
}

export interface ActivityAudit {
  begin(context: TurnContext): TurnRecord | undefined;
  /** Reads the sender's roles into the record, then runs the work (the routing), both as the record's turn. */
  run<T>(context: TurnContext, record: TurnRecord, work: () => Promise<T>): Promise<T>;
  end(context: TurnContext, record: TurnRecord, handled: boolean): Promise<void>;
  fail(record: TurnRecord, err: unknown): void;
}

/** What kind of AgentTurn an activity is, or undefined for activities the agent does not act on (typing, conversation updates). */
export function turnKindOf(activity: Activity): { kind: TurnKind; name?: string } | undefined {
  if (activity.type === ActivityTypes.Message) return { kind: 'message' };
  if (activity.type === ActivityTypes.MessageReaction) return { kind: 'feedback', name: 'messageReaction' };
  if (activity.type !== ActivityTypes.Invoke) return undefined;
  const name = typeof activity.name === 'string' ? activity.name.slice(0, 64) : 'invoke';
  if (name === 'signin/tokenExchange' || name === 'signin/verifyState') return { kind: 'sign-in', name };
  if (name === 'signin/failure') return { kind: 'sign-in-failure', name };
  if (name === 'adaptiveCard/action') return { kind: 'card-action', name };
  if (name === 'message/submitAction' && (activity.value as { actionName?: unknown } | undefined)?.actionName === 'feedback') return { kind: 'feedback', name };
  return { kind: 'invoke', name };
}

export function createActivityAudit(deps: ActivityAuditDeps): ActivityAudit {
  return {
    begin(context) {
      const kind = turnKindOf(context.activity);
      if (!kind) return undefined;
      const record = newTurnRecord({
        channelId: context.activity.channelId ?? 'unknown',
        conversationId: context.activity.conversation?.id ?? 'unknown',
        activityType: context.activity.type ?? 'unknown',
        actor: actorFromActivity(context.activity, []),
        textPolicy: deps.textPolicy,
        ...kind,
      });
      records.set(context, record);
      return record;
    },
    run(context, record, work) {
      // Passed inline, not a named closure: under tsx (keepNames) a named one costs a defineProperty per activity.
      return deps.runTurn ? deps.runTurn(record, () => rolesThenWork(deps, context, record, work)) : rolesThenWork(deps, context, record, work);
    },
    fail(record, err) {
      record.outcome = 'error';
      record.error = { code: err instanceof Error ? err.name : 'Error', message: 'internal error', correlationId: record.correlationId };
    },
    async end(_context, record, handled) {
      finishTurnRecord(record, handled ? 'replied' : 'ignored');
      try {
        await deps.audit.write(record);
      } catch (err) {
        log.error('audit write failed', { correlationId: record.correlationId, error: err });
      }
    },
  };
}

/** Reads the sender's roles and the mode into the record, then runs the work. */
async function rolesThenWork<T>(deps: ActivityAuditDeps, context: TurnContext, record: TurnRecord, work: () => Promise<T>): Promise<T> {
  try {
    record.actor.roles = (await deps.rolesFor?.(context.activity)) ?? [];
  } catch (err) {
    // No roles is the safe reading; the turn goes on and is recorded.
    log.error('roles of the sender could not be read', { correlationId: record.correlationId, error: err });
  }
  if (deps.mode) record.mode = await deps.mode();
  return work();
}

/** The AgentTurn of the activity this context carries, if it is audited. */
export function auditedTurnOf(context: TurnContext): TurnRecord | undefined {
  return records.get(context);
}

/** Notes what a route did on the activity's AgentTurn (no-op for unaudited activities). */
export function noteTurn(context: TurnContext, note: { kind?: TurnKind; name?: string; outcome?: TurnOutcome; result?: string }): void {
  const record = records.get(context);
  if (!record) return;
  if (note.kind) record.kind = note.kind;
  if (note.name) record.name = note.name.slice(0, 64);
  if (note.outcome) record.outcome = note.outcome;
  if (note.result) record.result = note.result.slice(0, 64);
}
