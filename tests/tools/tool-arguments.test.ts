import assert from 'node:assert/strict';
import { MAX_ARGUMENT_CHARS, parseToolArguments } from '../../src/tools/tool-arguments.js';
import type { ToolDefinition } from '../../src/tools/tool.js';

const sendMail: ToolDefinition = {
  name: 'send_mail',
  description: 'send a mail',
  parameters: {
    type: 'object',
    properties: {
      to: { type: 'array', items: { type: 'string' }, minItems: 1 },
      subject: { type: 'string', maxLength: 200 },
      body: { type: 'string' },
    },
    required: ['to', 'subject', 'body'],
    additionalProperties: false,
  },
  risk: 'external',
  scopes: ['Mail.Send'],
  run: async () => ({ content: 'sent', untrusted: false }),
};

describe('tool argument parsing', () => {
  it('accepts arguments matching the schema', () => {
    const parsed = parseToolArguments(sendMail, '{"to":["bob@contoso.com"],"subject":"Hi","body":"Hello"}');
    assert.deepEqual(parsed, { ok: true, args: { to: ['bob@contoso.com'], subject: 'Hi', body: 'Hello' } });
  });

  it('refuses malformed JSON, non-objects and binary garbage with a clear error', () => {
    for (const raw of ['{"to":', '[1,2]', '"text"', 'null', '42', '\u0000\u0001\u0002']) {
      const parsed = parseToolArguments(sendMail, raw);
      assert.equal(parsed.ok, false, raw);
      if (!parsed.ok) assert.match(parsed.error, /JSON|object/);
    }
  });

  it('names the failing field for missing, mistyped and unexpected arguments', () => {
    const missing = parseToolArguments(sendMail, '{"to":["a@contoso.com"],"subject":"x"}');
    assert.ok(!missing.ok && /must have required property 'body'/.test(missing.error));
    const mistyped = parseToolArguments(sendMail, '{"to":"a@contoso.com","subject":"x","body":"y"}');
    assert.ok(!mistyped.ok && /\bto must be array/.test(mistyped.error));
    const extra = parseToolArguments(sendMail, '{"to":["a@contoso.com"],"subject":"x","body":"y","bcc":["eve@evil.example"]}');
    assert.ok(!extra.ok && /additional properties \(bcc\)/.test(extra.error));
  });

  it('treats an empty argument string as no arguments', () => {
    const parsed = parseToolArguments(sendMail, '');
    assert.ok(!parsed.ok && /required property/.test(parsed.error));
  });

  it('refuses oversized arguments before parsing them', () => {
    const huge = JSON.stringify({ to: ['a@contoso.com'], subject: 'x', body: 'y'.repeat(MAX_ARGUMENT_CHARS) });
    const parsed = parseToolArguments(sendMail, huge);
    assert.ok(!parsed.ok && /too large/.test(parsed.error));
  });
});
