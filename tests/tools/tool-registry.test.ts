import assert from 'node:assert/strict';
import { createToolRegistry, ToolRegistryError } from '../../src/tools/tool-registry.js';
import type { ToolDefinition } from '../../src/tools/tool.js';

function tool(name: string, overrides: Partial<ToolDefinition> = {}): ToolDefinition {
  return {
    name,
    description: `the ${name} tool`,
    parameters: { type: 'object', properties: { q: { type: 'string' } }, additionalProperties: false },
    risk: 'read',
    scopes: ['Files.Read'],
    run: async () => ({ content: 'ok', untrusted: false }),
    ...overrides,
  };
}

describe('tool registry', () => {
  it('lists and looks up registered tools by name', () => {
    const registry = createToolRegistry([tool('search_files'), tool('send_mail', { risk: 'external' })]);
    assert.deepEqual(registry.list().map((t) => t.name), ['search_files', 'send_mail']);
    assert.equal(registry.get('send_mail')?.risk, 'external');
  });

  it('returns nothing for unknown names, including object-prototype names', () => {
    const registry = createToolRegistry([tool('search_files')]);
    for (const name of ['delete_everything', 'constructor', '__proto__', 'toString', '']) assert.equal(registry.get(name), undefined, name);
  });

  it('rejects duplicate names', () => {
    assert.throws(() => createToolRegistry([tool('read_file'), tool('read_file')]), (err: unknown) => err instanceof ToolRegistryError && /registered twice/.test(err.message));
  });

  it('rejects a schema that is not an object schema or does not compile', () => {
    assert.throws(() => createToolRegistry([tool('a_tool', { parameters: { type: 'string' } })]), /"type": "object"/);
    assert.throws(() => createToolRegistry([tool('b_tool', { parameters: { type: 'object', properties: { x: { type: 'no-such-type' } } } })]), /invalid parameters schema/);
  });

  it('rejects an unknown risk class, bad names, missing description and bad scopes, listing every problem', () => {
    try {
      createToolRegistry([
        tool('ok_tool', { risk: 'harmless' as never }),
        tool('Bad Name'),
        tool('no_desc', { description: ' ' }),
        tool('bad_scopes', { scopes: [''] }),
      ]);
      assert.fail('expected an error');
    } catch (err) {
      assert.ok(err instanceof ToolRegistryError);
      assert.equal(err.problems.length, 4);
      assert.match(err.message, /risk must be one of read, write, external, destructive/);
      assert.match(err.message, /snake_case/);
      assert.match(err.message, /description is required/);
      assert.match(err.message, /scopes must be a list/);
    }
  });

  describe('delivery and lookup declarations', () => {
    const invite = (delivers: unknown, risk: ToolDefinition['risk'] = 'write') =>
      tool('invite', {
        risk,
        parameters: { type: 'object', properties: { guests: { type: 'array', items: { type: 'string' } }, note: { type: 'string' }, when: { type: 'integer' } } },
        delivers: delivers as ToolDefinition['delivers'],
      });

    it('accepts recipients and content that name text parameters', () => {
      assert.equal(createToolRegistry([invite({ recipients: ['guests'], content: ['note'] })]).get('invite')?.delivers?.recipients[0], 'guests');
    });

    it('refuses a declaration naming missing or non-text arguments, or none, listing each problem', () => {
      const problems = (delivers: unknown, risk?: ToolDefinition['risk']) => {
        try {
          createToolRegistry([invite(delivers, risk)]);
          return [];
        } catch (err) {
          assert.ok(err instanceof ToolRegistryError);
          return err.problems;
        }
      };
      assert.match(problems({ recipients: ['to'], content: ['note'] }).join('\n'), /recipient argument "to"/);
      assert.match(problems({ recipients: ['guests'], content: ['when'] }).join('\n'), /content argument "when"/);
      assert.match(problems({ recipients: [], content: [] }).join('\n'), /at least one/);
      assert.match(problems({ recipients: ['guests'] }).join('\n'), /content arguments/);
      assert.match(problems({ recipients: ['guests'], content: ['guests'] }).join('\n'), /both recipient and content/);
      assert.match(problems({ recipients: ['guests'], content: [] }, 'read').join('\n'), /cannot have risk "read"/);
    });

    it('refuses a lookup whose query argument is not a text parameter', () => {
      assert.ok(createToolRegistry([tool('find', { lookup: { queryArgument: 'q' } })]));
      assert.throws(() => createToolRegistry([tool('find', { lookup: { queryArgument: 'query' } })]), /lookup.queryArgument/);
    });
  });

  it('does not let callers change the registered set through list()', () => {
    const registry = createToolRegistry([tool('search_files')]);
    registry.list().push(tool('send_mail'));
    assert.equal(registry.list().length, 1);
    assert.equal(registry.get('send_mail'), undefined);
  });
});
