// The tool extension point (issue 17): a declaration that leaves things out gets
// the strictest treatment, and a declaration that would let a tool skip the
// policy stops the registry at start-up.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { z } from 'zod/v4';
import { defineTool, emailAddress } from '../../src/tools/define-tool.js';
import { newTurnProvenance, recordUntrusted } from '../../src/tools/provenance.js';
import { createToolPolicy, DEFAULT_TOOL_POLICY_FILE } from '../../src/tools/tool-policy.js';
import { createToolRegistry, ToolRegistryError } from '../../src/tools/tool-registry.js';
import type { ToolActor } from '../../src/tools/tool.js';
import { parseToolArguments } from '../../src/tools/tool-arguments.js';

const actor: ToolActor = { userId: 'alice', roles: ['User'] };
const repoPolicy = JSON.parse(readFileSync(DEFAULT_TOOL_POLICY_FILE, 'utf8'));

/** A tool that declares only what it cannot do without: name, description, arguments, scopes, run. */
const bare = defineTool({
  name: 'note_to_self',
  description: 'Keeps a note.',
  arguments: z.object({ text: z.string().min(1).max(200), when: z.string().max(40).optional() }),
  scopes: ['Notes.Create'],
  run: async ({ text }) => ({ content: `kept: ${text}`, untrusted: false }),
});

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ToolRegistryError, String(err));
    return err.problems;
  }
  assert.fail('the registry accepted the tool');
}

describe('tool extension point (defineTool)', () => {
  it('gives a tool that declares nothing the strictest treatment: risk external, every result untrusted', () => {
    assert.equal(bare.risk, 'external');
    assert.equal(bare.results, 'untrusted');
    assert.deepEqual(bare.roles, {});
    assert.equal(bare.delivers, undefined);
    assert.equal(createToolRegistry([bare]).get('note_to_self'), bare);
  });

  it('derives the model\'s JSON schema from the zod schema: required fields, limits, no extra properties', () => {
    assert.deepEqual(bare.parameters, {
      type: 'object',
      properties: { text: { type: 'string', minLength: 1, maxLength: 200 }, when: { type: 'string', maxLength: 40 } },
      required: ['text'],
      additionalProperties: false,
    });
    assert.equal(parseToolArguments(bare, '{"text":"hi"}').ok, true);
    assert.equal(parseToolArguments(bare, '{"text":"hi","to":"x"}').ok, false);
    assert.equal(parseToolArguments(bare, '{"text":""}').ok, false);
  });

  it('is judged as external by the policy even when the policy file lists it as a read', () => {
    const policy = createToolPolicy({ ...repoPolicy, tools: { ...repoPolicy.tools, note_to_self: { risk: 'read' } } });
    const turn = newTurnProvenance('keep a note: call the bank');
    recordUntrusted(turn, 'tool:read_file', 'meeting notes');
    const d = policy.decide({ tool: bare, args: { text: 'call the bank' } }, turn, actor);
    assert.deepEqual([d.decision, d.rule], ['needs-approval', 'risk.external.tainted']);
  });

  it('is refused by the shipped policy until the policy file names it (undeclared tools are denied)', () => {
    const policy = createToolPolicy(repoPolicy);
    const d = policy.decide({ tool: bare, args: { text: 'call the bank' } }, newTurnProvenance('keep a note: call the bank'), actor);
    assert.deepEqual([d.decision, d.rule], ['deny', 'tool.undeclared']);
  });

  it('treats declared recipients and content as a delivery: an outside recipient makes even a write an outbound send', () => {
    const invite = defineTool({
      name: 'invite_to_room',
      description: 'Invites people to a room.',
      arguments: z.object({ guests: z.array(emailAddress()).min(1).max(5), note: z.string().max(500) }),
      scopes: ['Rooms.Invite'],
      risk: 'write',
      roles: { guests: 'recipient', note: 'content' },
      results: 'as-marked',
      run: async () => ({ content: 'invited', untrusted: false }),
    });
    assert.deepEqual(invite.delivers, { recipients: ['guests'], content: ['note'] });
    const policy = createToolPolicy({ ...repoPolicy, tools: { ...repoPolicy.tools, invite_to_room: { risk: 'write' } } });
    const d = policy.decide({ tool: invite, args: { guests: ['eve@fabrikam.example'], note: 'hi' } }, newTurnProvenance('invite eve@fabrikam.example'), actor);
    assert.deepEqual([d.decision, d.rule], ['deny', 'recipient.outside-tenant']);
  });

  it('applies a declared target role: an id taken from a document needs approval', () => {
    const archive = defineTool({
      name: 'archive_item',
      description: 'Archives an item.',
      arguments: z.object({ itemId: z.string().max(100) }),
      scopes: ['Files.ReadWrite'],
      risk: 'write',
      roles: { itemId: 'target' },
      run: async () => ({ content: 'archived', untrusted: false }),
    });
    const policy = createToolPolicy({ ...repoPolicy, tools: { ...repoPolicy.tools, archive_item: { risk: 'write' } } });
    const turn = newTurnProvenance('archive what the doc says');
    recordUntrusted(turn, 'tool:read_file', 'archive 01ITEMFROMDOC');
    const d = policy.decide({ tool: archive, args: { itemId: '01ITEMFROMDOC' } }, turn, actor);
    assert.equal(d.decision, 'needs-approval');
    assert.ok(d.matched?.some((m) => m.rule === 'argument.from-untrusted.target'), JSON.stringify(d.matched));
  });

  it('stops start-up when an e-mail address argument is not declared a recipient', () => {
    const sneaky = defineTool({
      name: 'forward_note',
      description: 'Forwards a note.',
      arguments: z.object({ address: emailAddress(), copies: z.array(emailAddress()).max(3).optional(), text: z.string().max(100) }),
      scopes: ['Mail.Send'],
      roles: { text: 'content' },
      run: async () => ({ content: 'sent', untrusted: false }),
    });
    const problems = problemsOf(() => createToolRegistry([sneaky]));
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0]!, /"address" holds e-mail addresses but is not declared a recipient/);
    assert.match(problems[1]!, /"copies" holds e-mail addresses/);
  });

  it('stops start-up when a role names a missing argument, a recipient is not text, or a role or result trust is unknown', () => {
    const broken = defineTool({
      name: 'broken_tool',
      description: 'Broken.',
      arguments: z.object({ count: z.number().int(), text: z.string() }),
      scopes: [],
      roles: { count: 'recipient' } as never,
      run: async () => ({ content: '', untrusted: false }),
    });
    const problems = problemsOf(() =>
      createToolRegistry([
        broken,
        { ...bare, name: 'ghost_role', roles: { nothing: 'target' } },
        { ...bare, name: 'odd_role', roles: { text: 'owner' as never } },
        { ...bare, name: 'odd_trust', results: 'trusted' as never },
      ]),
    );
    assert.ok(problems.some((p) => /recipient argument "count" must be text/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /ghost_role.*"nothing", which is not one of its arguments/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /odd_role.*role of "text" must be one of/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /odd_trust.*results must be one of/.test(p)), problems.join('\n'));
  });

  it('gives run tokens for its declared scopes only', async () => {
    const asked: string[][] = [];
    const greedy = defineTool({
      name: 'greedy_tool',
      description: 'Asks for more than it declares.',
      arguments: z.object({ more: z.boolean() }),
      scopes: ['Files.Read'],
      run: async ({ more }, ctx) => {
        await ctx.getUserToken(more ? ['Files.Read', 'Mail.Send'] : ['files.read']);
        return { content: 'ok', untrusted: false };
      },
    });
    const ctx = { actor, correlationId: 'c', getUserToken: async (scopes: string[]) => (asked.push(scopes), 'token') };
    assert.equal((await greedy.run({ more: false }, ctx)).content, 'ok');
    await assert.rejects(greedy.run({ more: true }, ctx), { name: 'UndeclaredScopeError', message: /Mail\.Send/ });
    assert.deepEqual(asked, [['files.read']], 'no token was requested for the undeclared scope');
  });

  it('hands run the parsed arguments (schema defaults applied) and refuses arguments that do not parse', async () => {
    const seen: unknown[] = [];
    const tool = defineTool({
      name: 'with_default',
      description: 'Has a default.',
      arguments: z.object({ size: z.number().int().max(10).default(3) }),
      scopes: [],
      risk: 'read',
      run: async (args) => {
        seen.push(args);
        return { content: 'ok', untrusted: false };
      },
    });
    const ctx = { actor, correlationId: 'c', getUserToken: async () => 'token' };
    await tool.run({}, ctx);
    assert.deepEqual(seen, [{ size: 3 }]);
    const refused = await tool.run({ size: 99 }, ctx);
    assert.deepEqual(refused.data, { error: 'invalid_arguments' });
    assert.equal(seen.length, 1);
  });
});
