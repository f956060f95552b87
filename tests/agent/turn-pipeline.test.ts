import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTurnPipeline, type TurnPipelineDeps } from '../../src/agent/turn-pipeline.js';
import type { GuardDecision, GuardVerdict } from '../../src/guard/guard-types.js';
import type { ChatMessage } from '../../src/model/model-types.js';
import type { SpotlightedText } from '../../src/prompt/spotlight.js';
import { signerFromPrivateKey, verifierFor } from '../../src/audit/checkpoint-signer.js';
import { openLocalAuditLog } from '../../src/audit/local-audit-log.js';
import { verifyAuditLog } from '../../src/audit/verify-audit-log.js';
import type { TurnRecord } from '../../src/audit/turn-record.js';
import type { ToolDefinition } from '../../src/tools/tool.js';
import { z } from 'zod/v4';
import { defineTool } from '../../src/tools/define-tool.js';

// Stage implementations that record the order they are called in. They live in
// the test: the pipeline's contract is that it calls its ports in this order.
const verdict = (guard: string): GuardVerdict => ({ guard, action: 'allow', category: 'none', score: 0, spans: [], evidence: [], provider: 'local' });

function recordingDeps(calls: string[], overrides: Partial<TurnPipelineDeps> = {}): TurnPipelineDeps & { written: TurnRecord[] } {
  const written: TurnRecord[] = [];
  const allow = (stage: string) => async (text: string): Promise<GuardDecision> => {
    calls.push(stage);
    return { action: 'allow', text, verdicts: [verdict(stage)] };
  };
  const echoTool: ToolDefinition = {
    name: 'lookup',
    description: 'looks something up',
    parameters: { type: 'object', properties: { q: { type: 'string' } } },
    risk: 'read',
    scopes: ['User.Read'],
    run: async (args, ctx) => {
      calls.push('tool:lookup');
      await ctx.getUserToken(['User.Read']);
      return { content: `result for ${String(args.q)}`, untrusted: true, zone: 'internal' };
    },
  };
  let modelRounds = 0;
  return {
    written,
    guard: { checkInput: allow('input-guard'), checkDocument: allow('document-guard'), checkOutput: allow('output-guard') },
    prompt: {
      session: async () => ({
        systemPrompt: 'SYSTEM',
        canary: 'CANARY',
        systemPromptVersion: 'test',
        start: (userText: string): ChatMessage[] => {
          calls.push('prompt');
          return [
            { role: 'system', content: 'SYSTEM' },
            { role: 'user', content: userText },
          ];
        },
        wrapUntrusted: (content: string) => `<<${content}>>` as SpotlightedText,
      }),
    },
    model: {
      label: 'recording',
      complete: async ({ messages }) => {
        calls.push('model');
        modelRounds++;
        if (modelRounds === 1) return { content: null, toolCalls: [{ id: 't1', name: 'lookup', arguments: '{"q":"budget"}' }], model: 'recording' };
        const last = messages[messages.length - 1];
        return { content: `answer from ${last?.role === 'tool' ? last.content : 'nothing'}`, toolCalls: [], model: 'recording' };
      },
    },
    tools: {
      list: () => [echoTool],
      get: (name) => (name === 'lookup' ? echoTool : undefined),
      parseArguments: (_tool, raw) => ({ ok: true, args: JSON.parse(raw) as Record<string, unknown> }),
      newProvenance: () => {
        let tainted = false;
        return {
          get tainted() {
            return tainted;
          },
          addToolOutput: (_tool, _args, result) => {
            if (result.untrusted) tainted = true;
          },
        };
      },
      decide: () => {
        calls.push('policy');
        return { decision: 'allow', rule: 'read-allowed', reason: 'read', flags: [] };
      },
    },
    userTokens: {
      getUserToken: async () => {
        calls.push('user-token');
        return 'token';
      },
    },
    audit: {
      write: async (record) => {
        calls.push('audit');
        written.push(record);
      },
    },
    maxInputChars: 1000,
    maxToolRounds: 4,
    ...overrides,
  };
}

const request = { text: 'what about the budget?', actor: { userId: 'u1', tenantId: 't1', roles: [] }, conversationId: 'c1', channelId: 'msteams' };

describe('turn pipeline', () => {
  it('runs the stages in order and audits one record per turn', async () => {
    const calls: string[] = [];
    const deps = recordingDeps(calls, { textPolicy: 'none' });
    const reply = await createTurnPipeline(deps).runTurn(request);
    assert.deepEqual(calls, ['input-guard', 'prompt', 'model', 'policy', 'tool:lookup', 'user-token', 'document-guard', 'model', 'output-guard', 'audit']);
    assert.equal(reply.outcome, 'replied');
    assert.equal(reply.text, 'answer from <<result for budget>>');
    assert.equal(deps.written.length, 1);
    const record = deps.written[0]!;
    assert.equal(record.outcome, 'replied');
    assert.equal(record.tainted, true);
    assert.deepEqual(record.stages.map((s) => s.stage), ['input-guard', 'prompt', 'model', 'tool', 'model', 'output-guard']);
    assert.equal(record.input.chars, request.text.length);
    assert.ok(!JSON.stringify(record).includes('what about the budget'), 'with the text policy none the user text is not in the audit record');
  });

  it('spotlights and checks the result of a tool that does not declare its results trusted, even when run calls it trusted (issue 17)', async () => {
    const calls: string[] = [];
    // A fork's tool that forgot to say anything about its results, and whose run claims its output is trusted.
    const forgetful = defineTool({
      name: 'lookup',
      description: 'looks something up',
      arguments: z.object({ q: z.string() }),
      scopes: [],
      risk: 'read',
      run: async ({ q }) => ({ content: `result for ${q}`, untrusted: false }),
    });
    const base = recordingDeps(calls);
    const deps = recordingDeps(calls, { tools: { ...base.tools, list: () => [forgetful], get: (name) => (name === 'lookup' ? forgetful : undefined) } });
    const reply = await createTurnPipeline(deps).runTurn(request);
    assert.equal(reply.text, 'answer from <<result for budget>>', 'wrapped as untrusted data');
    assert.ok(calls.includes('document-guard'), 'and checked as a document');
    assert.equal(deps.written[0]!.tainted, true);
    assert.equal(deps.written[0]!.toolCalls[0]!.untrusted, true);
  });

  it('keeps prompt and response text masked under the default redacted policy, verbatim under full', async () => {
    const text = 'budget for ana.lopez@contoso.co.uk please';
    const redacted = recordingDeps([]);
    await createTurnPipeline(redacted).runTurn({ ...request, text });
    assert.equal(redacted.written[0]!.promptText, 'budget for [EMAIL_ADDRESS] please');
    assert.ok(!JSON.stringify(redacted.written[0]).includes('ana.lopez'));
    const full = recordingDeps([], { textPolicy: 'full' });
    await createTurnPipeline(full).runTurn({ ...request, text });
    assert.equal(full.written[0]!.promptText, text);
    assert.equal(full.written[0]!.responseText, 'answer from <<result for budget>>');
  });

  it('stops at a blocking input guard, replies safely and still audits', async () => {
    const calls: string[] = [];
    const deps = recordingDeps(calls);
    deps.guard.checkInput = async (text) => {
      calls.push('input-guard');
      return { action: 'block', text, verdicts: [verdict('injection')], userMessage: 'I can’t help with that.' };
    };
    const reply = await createTurnPipeline(deps).runTurn(request);
    assert.deepEqual(calls, ['input-guard', 'audit']);
    assert.equal(reply.outcome, 'blocked');
    assert.equal(reply.text, 'I can’t help with that.');
    assert.equal(deps.written[0]?.outcome, 'blocked');
  });

  it('withholds the answer when the output guard blocks it', async () => {
    const calls: string[] = [];
    const deps = recordingDeps(calls);
    deps.guard.checkOutput = async (text) => ({ action: 'block', text, verdicts: [verdict('canary')] });
    const reply = await createTurnPipeline(deps).runTurn(request);
    assert.equal(reply.outcome, 'blocked');
    assert.doesNotMatch(reply.text, /result for budget/);
  });

  it('does not run a tool the policy denies and tells the model why', async () => {
    const calls: string[] = [];
    const deps = recordingDeps(calls);
    deps.tools.decide = () => ({ decision: 'deny', rule: 'no-external', reason: 'mail outside the tenant', flags: [] });
    const reply = await createTurnPipeline(deps).runTurn(request);
    assert.ok(!calls.includes('tool:lookup'));
    assert.match(reply.text, /denied by policy: mail outside the tenant/);
    const call = deps.written[0]!.toolCalls[0] as Record<string, unknown>;
    assert.equal(call.decision, 'deny');
    assert.equal(call.rule, 'no-external');
  });

  it('keeps every rule the policy matched in the audit record of the call', async () => {
    const deps = recordingDeps([]);
    const matched = [
      { rule: 'argument.from-untrusted.recipient', decision: 'deny' as const },
      { rule: 'risk.external.tainted', decision: 'needs-approval' as const },
    ];
    deps.tools.decide = () => ({ decision: 'deny', rule: matched[0]!.rule, reason: 'from a document', flags: ['tainted'], matched });
    await createTurnPipeline(deps).runTurn(request);
    assert.deepEqual((deps.written[0]!.toolCalls[0] as Record<string, unknown>).matched, matched);
  });

  it('turns a stage failure into a friendly reply with a correlation id, never a stack', async () => {
    const calls: string[] = [];
    const deps = recordingDeps(calls);
    deps.model.complete = async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.1:443 at Socket.<anonymous> (node:net:1)');
    };
    const reply = await createTurnPipeline(deps).runTurn(request);
    assert.equal(reply.outcome, 'error');
    assert.ok(reply.text.includes(reply.record.correlationId));
    assert.doesNotMatch(reply.text, /ECONNREFUSED|node:net|at /);
    assert.equal(deps.written[0]?.error?.code, 'Error');
  });

  it('asks for sign-in when a tool needs the user token and there is none', async () => {
    const calls: string[] = [];
    const deps = recordingDeps(calls);
    deps.userTokens.getUserToken = async () => {
      const err = new Error('no token');
      err.name = 'SignInRequiredError';
      throw err;
    };
    const reply = await createTurnPipeline(deps).runTurn(request);
    assert.equal(reply.signInRequired, true);
    assert.equal(reply.outcome, 'sign-in-required');
  });

  it('writes turns to a hash-chained local log that detects tampering', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sta-audit-')), 'log');
    const { privateKey } = generateKeyPairSync('ed25519');
    const signer = signerFromPrivateKey(privateKey);
    const log = await openLocalAuditLog({ dir, signer });
    const calls: string[] = [];
    const deps = recordingDeps(calls, { audit: { write: async (r) => void (await log.append(r)) } });
    const pipeline = createTurnPipeline(deps);
    await pipeline.runTurn(request);
    await pipeline.runTurn({ ...request, text: 'second' });
    await log.close();
    const verifier = verifierFor([signer.publicKey]);
    const verified = await verifyAuditLog(dir, verifier);
    assert.deepEqual(verified.ok && verified.records, 2);
    const [segment] = readdirSync(dir);
    const path = join(dir, segment!);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"outcome":"replied"', '"outcome":"blocked"'));
    const tampered = await verifyAuditLog(dir, verifier);
    assert.equal(!tampered.ok && tampered.problem.kind, 'altered');
  });
});
