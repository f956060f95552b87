// Shape of policy/tool-policy.json: the declarative tool-call policy, reviewed
// like code. Validated once at start-up; a typo stops the process with a message
// that names the field.
import { z } from 'zod';

export const decisionSchema = z.enum(['allow', 'needs-approval', 'deny']);
export type Decision = z.infer<typeof decisionSchema>;

const byTaint = z.object({ clean: decisionSchema, tainted: decisionSchema }).strict();

/** What an argument is for: decides which rules look at it. */
export const argumentRoleSchema = z.enum([
  // e-mail addresses that receive something (mail to, attendees, link recipients)
  'recipient',
  // the object acted on (file id, item id)
  'target',
  // a sharing-link scope: organization | users | anonymous
  'link-scope',
  // free text that leaves with the call (subject, body)
  'content',
  // search queries, dates and other harmless inputs
  'other',
]);
export type ArgumentRole = z.infer<typeof argumentRoleSchema>;

// Recipients and content are declared on the tool itself (ToolDefinition.delivers), so every
// tool that delivers to someone is checked as such without an entry here.
const fileArgumentRoleSchema = z.enum(['target', 'link-scope', 'other'], {
  errorMap: () => ({ message: 'expected target, link-scope or other (recipient and content arguments are declared on the tool: ToolDefinition.delivers)' }),
});

const argumentRuleSchema = z
  .object({
    /** Role of the argument (default: other, or what the tool's delivers declaration says). */
    role: fileArgumentRoleSchema.optional(),
    /** Decision when the value appears in untrusted text but not in the user's own text. */
    fromUntrusted: decisionSchema.optional(),
    /** Decision when the value appears nowhere (made up by the model) and the turn is tainted. */
    fromModelWhenTainted: decisionSchema.optional(),
  })
  .strict();
/** An argument's rule as the policy applies it: the file's overrides with the effective role. */
export type ArgumentRule = Omit<z.infer<typeof argumentRuleSchema>, 'role'> & { role: ArgumentRole };

const riskSchema = z.enum(['read', 'write', 'external', 'destructive']);

const toolRuleSchema = z
  .object({
    /** Declared risk class; when it differs from the tool's own, the stricter one applies. */
    risk: riskSchema,
    /** When set, the actor must hold at least one of these app roles. */
    requiredRoles: z.array(z.string().min(1)).optional(),
    arguments: z.record(z.string().min(1), argumentRuleSchema).default({}),
    /**
     * When an allowed call first goes to the user as a confirmation card: always, unless it goes to
     * exactly one recipient inside the tenant, or never (the default).
     */
    confirm: z.enum(['always', 'outside-single-internal-recipient', 'never']).default('never'),
  })
  .strict();
export type ToolRule = z.infer<typeof toolRuleSchema>;

const domainSchema = z
  .string()
  .min(3)
  .max(253)
  .regex(/^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,10}$/, 'a lower-case domain name like example.com');

export const toolPolicySchema = z
  .object({
    version: z.literal(1),
    /** Verified domains of the tenant: recipients elsewhere are outside the tenant. */
    tenantDomains: z.array(domainSchema).min(1, 'list at least one verified tenant domain'),
    /** Tools not listed under "tools" are refused with this decision. */
    undeclaredTool: decisionSchema.default('deny'),
    /** Base decision per risk class, before and after untrusted content entered the turn. */
    risk: z
      .object({ read: byTaint, write: byTaint, external: byTaint, destructive: byTaint })
      .strict(),
    externalData: z
      .object({
        /** External call in a turn that read confidential-zone content. */
        confidentialZone: decisionSchema,
        /** External call whose arguments carry a PII type listed in piiTypes. */
        pii: decisionSchema,
        piiTypes: z.array(z.string().min(1)),
        /** External call whose arguments carry any secret (key, token, password). */
        secrets: decisionSchema,
      })
      .strict(),
    recipients: z
      .object({
        outsideTenant: decisionSchema,
        /** A recipient argument that is not an e-mail address. */
        invalid: decisionSchema,
      })
      .strict(),
    linkScopes: z.record(z.string().min(1), decisionSchema),
    /** Unknown link scopes get this decision. */
    unknownLinkScope: decisionSchema.default('deny'),
    argumentProvenance: z
      .object({
        /** Values shorter than this (after normalising) are too short to trace. */
        minChars: z.number().int().min(1).max(64),
        /** Defaults per role, overridable per argument. */
        roles: z.record(argumentRoleSchema, z.object({ fromUntrusted: decisionSchema, fromModelWhenTainted: decisionSchema }).strict()),
      })
      .strict(),
    /**
     * A send in a tainted conversation whose every recipient is inside the tenant and typed by the user
     * in this turn's message: "confirm" lets the user confirm it on a card (what goes out is shown
     * in full) instead of an approver; "needs-approval" (the default) keeps the tainted risk rule.
     */
    userNamedInternalSend: z.object({ tainted: z.enum(['confirm', 'needs-approval']) }).strict().default({ tainted: 'needs-approval' }),
    tools: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a snake_case tool name'), toolRuleSchema),
  })
  .strict();

export type ToolPolicyDocument = z.infer<typeof toolPolicySchema>;
export type ToolPolicyInput = z.input<typeof toolPolicySchema>;
