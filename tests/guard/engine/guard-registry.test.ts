import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import {
  createGuardEngine,
  defaultGuardRegistry,
  defineGuard,
  GuardPolicyError,
  guardSettings,
  loadGuardPolicy,
  shippedPolicyFile,
} from '../../../src/guard/index.js';

// A guard a fork might add: code names of unannounced projects must not leave in replies.
const codeNames = defineGuard({
  name: 'code-names',
  policyKey: 'codeNames',
  description: 'Unannounced project code names in model output',
  configSchema: z
    .object({
      enabled: z.boolean().default(true),
      names: z.array(z.string().min(2).max(64)).min(1).default(['falcon']),
      channels: z.array(z.enum(['user', 'document', 'output'])).default(['output']),
      action: z.enum(['allow', 'block', 'needs-review']).default('block'),
      failMode: z.enum(['open', 'closed']).default('closed'),
      /** Lets the test make the check throw, to see the fail mode applied. */
      explode: z.boolean().default(false),
    })
    .strict()
    .default({}),
  create(config) {
    if (!config.enabled) return undefined;
    const names = config.names.map((n) => n.toLowerCase());
    return {
      kind: 'check',
      failMode: config.failMode,
      runsOn: (channel) => config.channels.includes(channel),
      check(text) {
        if (config.explode) throw new Error('boom');
        const lower = text.normalized.text.toLowerCase();
        const hits = names.filter((n) => lower.includes(n));
        return {
          verdicts: [{ guard: 'code-names', action: hits.length ? config.action : 'allow', category: hits.length ? 'code-name' : 'none', score: hits.length ? 1 : 0, spans: [], evidence: hits.length ? [`code-names:${hits.length}`] : [], provider: 'local' }],
          edits: [],
        };
      },
    };
  },
});

const settings = { ...guardSettings.parse({}), contentSafety: undefined };
const ctx = { userId: 'u1', tenantId: 't1', conversationId: 'c1' };

async function policyFileWith(section: unknown): Promise<string> {
  const shipped = JSON.parse(await readFile(shippedPolicyFile, 'utf8')) as Record<string, unknown>;
  const dir = await mkdtemp(join(tmpdir(), 'guard-registry-'));
  const file = join(dir, 'policy.json');
  await writeFile(file, JSON.stringify({ ...shipped, limits: { rateLimit: false }, codeNames: section }));
  return file;
}

describe('guard registry', () => {
  it('runs a guard added through the registry alone, on its channel, with its config from the policy file', async () => {
    const registry = defaultGuardRegistry().with(codeNames);
    const file = await policyFileWith({ names: ['Project Heron'], action: 'needs-review' });
    const engine = await createGuardEngine({ ...settings, policyFile: file }, { registry });

    const out = await engine.checkOutput('The launch of project heron moves to May.', ctx);
    const verdict = out.verdicts.find((v) => v.guard === 'code-names');
    assert.equal(verdict?.action, 'needs-review');
    assert.equal(out.action, 'needs-review');
    // The built-in guards still run beside it, in their order, the new one last.
    assert.deepEqual(out.verdicts.map((v) => v.guard), ['harm', 'dlp', 'links', 'code-names']);

    const input = await engine.checkInput('When does project heron launch?', ctx);
    assert.equal(input.action, 'allow');
    assert.equal(input.verdicts.some((v) => v.guard === 'code-names'), false, 'configured for output only');
  });

  it('validates the new section with its own schema and names the field', async () => {
    const registry = defaultGuardRegistry().with(codeNames);
    const file = await policyFileWith({ names: [] });
    await assert.rejects(
      createGuardEngine({ ...settings, policyFile: file }, { registry }),
      (err: unknown) => err instanceof GuardPolicyError && /codeNames\.names: Array must contain at least 1/.test(err.message),
    );
    // Without the registration the section is an unknown key, as before.
    await assert.rejects(loadGuardPolicy(await policyFileWith({})), /Unrecognized key\(s\) in object: 'codeNames'/);
  });

  it('fills defaults when the section is absent and applies the guard fail mode', async () => {
    const registry = defaultGuardRegistry().with(codeNames);
    const policy = await loadGuardPolicy(shippedPolicyFile, registry);
    const engine = await createGuardEngine(settings, { registry, policy });
    assert.equal((await engine.checkOutput('Falcon ships next week.', ctx)).action, 'block');

    const open = await createGuardEngine(settings, { registry, policy: { ...policy, codeNames: { explode: true, failMode: 'open' } } as typeof policy });
    const d = await open.checkOutput('Falcon ships next week.', ctx);
    assert.equal(d.action, 'allow');
    assert.equal(d.verdicts.find((v) => v.guard === 'code-names')?.fallback, 'fail-open');
  });

  it('refuses a second guard with the same name or policy key', () => {
    assert.throws(() => defaultGuardRegistry().with(codeNames, codeNames), /already registered/);
    assert.throws(() => defaultGuardRegistry().with({ ...codeNames, name: 'other', policyKey: 'harm' }), /already registered/);
    assert.throws(() => defaultGuardRegistry().with({ ...codeNames, name: 'messages', policyKey: undefined }), /reserved/);
  });
});
