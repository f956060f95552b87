// Example guard for docs/extending.md: unannounced project code names must not
// reach the model from users or leave in its replies. Not shipped; registered
// through createAgentRuntime's `guards` option (tests/examples/fork-guard.test.ts).
import { z } from 'zod';
import { defineGuard } from '../src/guard/index.js';

export const codeNameGuard = defineGuard({
  name: 'code-names',
  // Its section in the guard policy file; every field has a default, so the shipped file stays valid.
  policyKey: 'codeNames',
  description: 'Unannounced project code names in user messages and model output',
  configSchema: z
    .object({
      enabled: z.boolean().default(true),
      names: z.array(z.string().min(2).max(64)).min(1).default(['falcon']),
      channels: z.array(z.enum(['user', 'document', 'output'])).default(['user', 'output']),
      action: z.enum(['allow', 'block', 'needs-review']).default('block'),
    })
    .strict()
    .default({}),
  create(config) {
    if (!config.enabled) return undefined;
    const names = config.names.map((n) => n.toLowerCase());
    return {
      kind: 'check',
      // A check that throws blocks (closed) rather than letting the text through.
      failMode: 'closed',
      runsOn: (channel) => config.channels.includes(channel),
      check(text) {
        // The prepared text: confusables folded, invisible characters removed, so "f\u200Balcon" still matches.
        const lower = text.normalized.text.toLowerCase();
        const hits = names.filter((n) => lower.includes(n)).length;
        return {
          verdicts: [{ guard: 'code-names', action: hits ? config.action : 'allow', category: hits ? 'code-name' : 'none', score: hits ? 1 : 0, spans: [], evidence: hits ? [`code-names:${hits}`] : [], provider: 'local' }],
          edits: [],
        };
      },
    };
  },
});
