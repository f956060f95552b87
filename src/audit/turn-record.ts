// One record per turn. Each pipeline stage appends to it; audit writes it once
// at the end, also when the turn was blocked or failed. Plain data only: no
// SDK types, so guard/, prompt/, tools/ and audit/ stay framework-free.
import { randomUUID } from 'node:crypto';

export type TurnOutcome = 'replied' | 'blocked' | 'error' | 'ignored' | 'needs-approval' | 'sign-in-required';

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

export interface TurnRecord {
  correlationId: string;
  startedAt: string;
  endedAt?: string;
  channelId: string;
  conversationId: string;
  activityType: string;
  actor: TurnActor;
  /** Length and hash of the user text (the text itself is only kept by the audit policy, redacted). */
  input: { chars: number; sha256?: string };
  stages: StageEvent[];
  /** Guard verdicts, tool calls, policy decisions etc. appended by their stages. */
  guardVerdicts: unknown[];
  toolCalls: unknown[];
  /** True once untrusted content (documents, tool output) entered the model context. */
  tainted: boolean;
  outcome?: TurnOutcome;
  error?: { code: string; message: string };
}

export function newTurnRecord(init: Pick<TurnRecord, 'channelId' | 'conversationId' | 'activityType' | 'actor'> & { correlationId?: string }): TurnRecord {
  return {
    correlationId: init.correlationId ?? randomUUID(),
    startedAt: new Date().toISOString(),
    channelId: init.channelId,
    conversationId: init.conversationId,
    activityType: init.activityType,
    actor: init.actor,
    input: { chars: 0 },
    stages: [],
    guardVerdicts: [],
    toolCalls: [],
    tainted: false,
  };
}

/** Runs one stage and records its timing on the turn record, even when it throws. */
export async function recordStage<T>(record: TurnRecord, stage: string, run: () => Promise<T> | T, detail?: (result: T) => Record<string, unknown>): Promise<T> {
  const start = performance.now();
  const at = new Date().toISOString();
  try {
    const result = await run();
    record.stages.push({ stage, at, durationMs: performance.now() - start, detail: detail?.(result) });
    return result;
  } catch (err) {
    record.stages.push({ stage, at, durationMs: performance.now() - start, detail: { failed: true } });
    throw err;
  }
}
