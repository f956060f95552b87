// One approval (or confirmation) as stored data. The record is the only truth:
// cards carry nothing but its id, and every decision re-reads it.
import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * approval:     pending → approved → executing → executed | failed;  pending → rejected | expired | cancelled
 * confirmation: pending → confirmed → executing → executed | failed; pending → cancelled | expired
 */
export const approvalStates = ['pending', 'approved', 'confirmed', 'executing', 'executed', 'failed', 'rejected', 'expired', 'cancelled'] as const;
export type ApprovalState = (typeof approvalStates)[number];
export type ApprovalKind = 'approval' | 'confirmation';

const actorSchema = z.object({ userId: z.string(), aadObjectId: z.string().optional(), tenantId: z.string().optional(), name: z.string().optional() }).strict();
export type ApprovalActor = z.infer<typeof actorSchema>;

/** Where to reach someone later (a proactive message): a Bot Framework conversation, minus the SDK types. */
const conversationSchema = z
  .object({ serviceUrl: z.string(), channelId: z.string(), conversationId: z.string(), tenantId: z.string().optional(), botId: z.string().optional(), activityId: z.string().optional() })
  .strict();
export type ConversationAddress = z.infer<typeof conversationSchema>;

const eventSchema = z.object({ at: z.string(), state: z.enum(approvalStates), by: z.string().optional(), note: z.string().optional() }).strict();

export const approvalRecordSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(['approval', 'confirmation']),
    tenantId: z.string(),
    requester: actorSchema,
    tool: z.string(),
    args: z.record(z.unknown()),
    argsSha256: z.string().regex(/^[0-9a-f]{64}$/),
    risk: z.enum(['read', 'write', 'external', 'destructive']),
    rule: z.string(),
    reason: z.string(),
    turnId: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    state: z.enum(approvalStates),
    /** Set when approvers are the requester's manager (Graph /me/manager): only these object ids may decide. */
    approverOids: z.array(z.string()).max(10).optional(),
    approverName: z.string().max(100).optional(),
    /** Who decided (approver or the requester for confirmations / cancel), and their comment. */
    decidedBy: actorSchema.optional(),
    comment: z.string().max(500).optional(),
    /** The one key an execution attempt carries; the same on a retry after a restart. */
    idempotencyKey: z.string(),
    /** Set when execution started: an instance that finds `executing` past this lease knows the attempt died. */
    executingUntil: z.string().optional(),
    /** Attempts to run or reconcile so far (a run whose outcome is unknown is checked against Graph, a bounded number of times). */
    attempts: z.number().int().min(0).max(100).optional(),
    /** What the action acts on as Graph named it when it was requested (e.g. a file's name and folder), for the cards. */
    target: z.record(z.string().max(200)).refine((t) => Object.keys(t).length <= 6).optional(),
    outcome: z.string().max(500).optional(),
    requesterConversation: conversationSchema.optional(),
    approverConversation: conversationSchema.optional(),
    history: z.array(eventSchema).max(20),
  })
  .strict();
export type ApprovalRecord = z.infer<typeof approvalRecordSchema>;

export const isFinal = (state: ApprovalState) => ['executed', 'failed', 'rejected', 'expired', 'cancelled'].includes(state);

/** Canonical JSON (sorted keys) so the same arguments always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function argumentsHash(tool: string, args: Record<string, unknown>): string {
  return createHash('sha256').update(`${tool}\n${canonicalJson(args)}`).digest('hex');
}

/** The same person (for "no self-approval"): either id matching is enough, so neither can be swapped to get around it. */
export function samePerson(a: ApprovalActor, b: ApprovalActor): boolean {
  const low = (s: string | undefined) => s?.trim().toLowerCase();
  if (a.aadObjectId && b.aadObjectId && low(a.aadObjectId) === low(b.aadObjectId)) return true;
  return low(a.userId) === low(b.userId);
}
