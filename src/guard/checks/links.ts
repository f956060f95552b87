// Output-only guard: links and images that could carry data out (hosts not
// allowed, long query values), removed or blocked per the policy.
import { z } from 'zod';
import { findExfiltrationLinks } from '../output/exfiltration-links.js';
import { failModeField, guardActionField } from '../policy/policy-fields.js';
import { defineGuard } from '../registry/guard-spec.js';
import type { GuardOutcome, TextEdit } from '../engine/guard-result.js';
import type { PreparedText } from '../engine/prepared-text.js';

export const linksConfig = z
  .object({
    enabled: z.boolean().default(true),
    /** Hosts (and their subdomains) that output may link to; GUARD_ALLOWED_LINK_HOSTS adds more. */
    allowedHosts: z.array(z.string().min(1)).default([]),
    /** A query value longer than this is treated as data being carried out. */
    maxQueryValueChars: z.number().int().min(1).max(4096).default(64),
    action: guardActionField.default('mask'),
    failMode: failModeField.default('closed'),
  })
  .strict()
  .default({});
export type LinksConfig = z.output<typeof linksConfig>;

export function runLinkGuard(text: PreparedText, policy: LinksConfig, allowedHosts: string[]): GuardOutcome {
  const findings = findExfiltrationLinks(text.raw, { allowedHosts, maxQueryValueChars: policy.maxQueryValueChars });
  const edits: TextEdit[] = findings.map((f) => ({
    start: f.start,
    end: f.end,
    replacement: f.kind === 'image' || f.kind === 'html' ? '' : f.keepText !== undefined ? f.keepText : '[link removed]',
  }));
  const reasons = new Set(findings.map((f) => `link.${f.kind}.${f.reason}`));
  return {
    verdicts: [
      {
        guard: 'links',
        action: findings.length > 0 ? policy.action : 'allow',
        category: findings.length > 0 ? 'exfiltration-link' : 'none',
        score: findings.length > 0 ? 1 : 0,
        spans: findings.map((f) => ({ type: f.kind === 'image' ? 'IMAGE_LINK' : 'LINK', start: f.start, end: f.end })),
        evidence: [...reasons, ...(findings.length > 0 ? [`links.removed:${findings.length}`] : [])],
        provider: 'local',
      },
    ],
    edits: policy.action === 'mask' ? edits : [],
  };
}

export const linksGuard = defineGuard({
  name: 'links',
  description: 'Exfiltration links and images in model output',
  configSchema: linksConfig,
  create(config, deps) {
    if (!config.enabled) return undefined;
    const allowedHosts = [...new Set([...config.allowedHosts, ...deps.settings.allowedLinkHosts].map((h) => h.toLowerCase()))];
    return {
      kind: 'check',
      failMode: config.failMode,
      runsOn: (channel) => channel === 'output',
      check: (text) => runLinkGuard(text, config, allowedHosts),
    };
  },
});
