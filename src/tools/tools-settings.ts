// Settings of the tool-call policy. (The Graph base URL the tools call is in
// the graph section: GRAPH_BASE_URL.)
import { z } from 'zod';
import { csv } from '../env-schema.js';

const DOMAIN = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,10}$/;

export const toolsSettings = z
  .object({
    TOOL_POLICY_FILE: z.string().optional(),
    TENANT_DOMAINS: csv,
  })
  .superRefine((env, ctx) => {
    const bad = env.TENANT_DOMAINS.filter((d) => !DOMAIN.test(d.toLowerCase()));
    if (bad.length > 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['TENANT_DOMAINS'], message: `expected comma-separated domain names like example.com,example.onmicrosoft.com; ${bad.length} entr${bad.length === 1 ? 'y is' : 'ies are'} not a domain name` });
    }
  })
  .transform((env) => ({
    /** Undefined: the repo's policy/tool-policy.json. */
    policyFile: env.TOOL_POLICY_FILE && env.TOOL_POLICY_FILE.trim() !== '' ? env.TOOL_POLICY_FILE.trim() : undefined,
    /** Empty: use the policy file's tenantDomains. */
    tenantDomains: env.TENANT_DOMAINS.map((d) => d.toLowerCase()),
  }));

export type ToolsSettings = z.output<typeof toolsSettings>;
