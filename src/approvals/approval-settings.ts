// Settings of human approval: how long a request waits, who approves (a Teams
// channel or group chat the agent posts to), and what an approver's sign-in
// must show for risky actions.
import { z } from 'zod';
import { csv, envBoolean, envInt } from '../env-schema.js';

const mfaSetting = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const value = (v ?? '').trim() || 'amr:mfa';
    if (value === 'off') return { kind: 'off' as const };
    const match = /^(amr|acrs):([A-Za-z0-9_-]{1,32})$/.exec(value);
    if (!match) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'expected amr:<method> (e.g. amr:mfa), acrs:<authentication context id> (e.g. acrs:c1) or off' });
      return z.NEVER;
    }
    return { kind: match[1] as 'amr' | 'acrs', value: match[2]! };
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
    /** What the approver's sign-in must show for the risk classes in mfaRisks; otherwise a step-up sign-in is asked for. */
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
