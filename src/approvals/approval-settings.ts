// Settings of human approval: how long a request waits, who approves (a Teams
// channel or group chat the agent posts to), and what an approver's sign-in
// must show for risky actions.
import { z } from 'zod';
import { csv, envBoolean, envInt } from '../env-schema.js';

/** One way an approver's sign-in can show MFA: an `amr` method, or an authentication context (`acrs`) whose policy requires MFA. */
export interface MfaProof {
  kind: 'amr' | 'acrs';
  value: string;
}

// Entra v2.0 access tokens carry no `amr`: the default accepts authentication context c1 (a Conditional
// Access policy that requires MFA, proved by the token or by an on-behalf-of request with that claims
// challenge) or, where a token does carry it, amr mfa.
const mfaSetting = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const value = (v ?? '').trim() || 'acrs:c1,amr:mfa';
    if (value === 'off') return [] as MfaProof[];
    const proofs: MfaProof[] = [];
    for (const part of value.split(',').map((p) => p.trim()).filter(Boolean).slice(0, 4)) {
      const match = /^(amr|acrs):([A-Za-z0-9_-]{1,32})$/.exec(part);
      if (!match) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'expected off, or a comma list of amr:<method> (e.g. amr:mfa) and acrs:<authentication context id> (e.g. acrs:c1)' });
        return z.NEVER;
      }
      proofs.push({ kind: match[1] as 'amr' | 'acrs', value: match[2]! });
    }
    return proofs;
  });

export const approvalSettings = z
  .object({
    APPROVAL_TTL_MINUTES: envInt(24 * 60, 1, 30 * 24 * 60),
    APPROVAL_SWEEP_INTERVAL_SEC: envInt(60, 0, 3600),
    APPROVAL_EXECUTION_LEASE_SEC: envInt(120, 2, 3600),
    APPROVAL_APPROVER_ROLE: z.string().optional(),
    APPROVAL_APPROVERS_GROUP_ID: z.string().uuid({ message: 'expected the approvers group object id (a GUID)' }).optional(),
    APPROVAL_MFA: mfaSetting,
    APPROVAL_MFA_RISKS: csv,
    APPROVAL_CHANNEL_SERVICE_URL: z.string().url().optional(),
    APPROVAL_CHANNEL_CONVERSATION_ID: z.string().optional(),
    APPROVAL_CHANNEL_TENANT_ID: z.string().optional(),
    APPROVAL_APPROVER_USER_IDS: csv,
    APPROVAL_CARD_IN_CONVERSATION: envBoolean(false),
    APPROVAL_APPROVERS: z.enum(['role', 'manager'], { message: "APPROVAL_APPROVERS must be 'role' (Approver role / approvers group) or 'manager' (the requester's manager, falling back to role)" }).optional().default('role'),
  })
  .transform((env) => ({
    ttlMs: env.APPROVAL_TTL_MINUTES * 60_000,
    sweepIntervalMs: env.APPROVAL_SWEEP_INTERVAL_SEC * 1000,
    /** How long one execution attempt may take (longer than the Graph timeout with retries) before the sweep checks Graph for its effect. */
    executionLeaseMs: env.APPROVAL_EXECUTION_LEASE_SEC * 1000,
    approverRole: env.APPROVAL_APPROVER_ROLE?.trim() || 'Approver',
    /** Members of this Entra group may approve too (needs the groups claim in the token: app registration groupMembershipClaims). */
    approversGroupId: env.APPROVAL_APPROVERS_GROUP_ID,
    /** Any of these shows MFA for the risk classes in mfaRisks (empty: off); otherwise a step-up sign-in is asked for. */
    mfa: env.APPROVAL_MFA,
    mfaRisks: env.APPROVAL_MFA_RISKS.length > 0 ? env.APPROVAL_MFA_RISKS : ['destructive', 'external'],
    /** The Teams channel or group chat where approval cards go (a proactive message). */
    channel:
      env.APPROVAL_CHANNEL_SERVICE_URL && env.APPROVAL_CHANNEL_CONVERSATION_ID
        ? { serviceUrl: env.APPROVAL_CHANNEL_SERVICE_URL, conversationId: env.APPROVAL_CHANNEL_CONVERSATION_ID, tenantId: env.APPROVAL_CHANNEL_TENANT_ID }
        : undefined,
    /** Teams user ids (29:...) whose cards refresh to the buttons view; at most 60 (a Teams limit). */
    approverUserIds: env.APPROVAL_APPROVER_USER_IDS.slice(0, 60),
    /** Also post the approval card where it was asked (a team channel or group chat with approvers in it; a second playground user in dev). */
    cardInConversation: env.APPROVAL_CARD_IN_CONVERSATION,
    /** Who may decide: holders of the Approver role / approvers group, or the requester's manager (role holders when there is none). */
    approvers: env.APPROVAL_APPROVERS,
  }));

export type ApprovalSettings = z.output<typeof approvalSettings>;
