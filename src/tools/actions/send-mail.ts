// send_mail: sends a plain-text mail as the signed-in user. Risk "external":
// the content leaves the user (and maybe the tenant), so the policy gates it.
import type { ToolDefinition } from '../tool.js';
import { runAction, type GraphCaller } from './graph-caller.js';

export const EMAIL_PATTERN = '^[^\\s@<>,;]{1,64}@[^\\s@<>,;]{1,253}$';

interface SendMailArgs {
  to: string[];
  subject: string;
  body: string;
}

export function sendMailTool(graph: GraphCaller): ToolDefinition {
  const scopes = ['Mail.Send'];
  return {
    name: 'send_mail',
    description: 'Send a plain-text e-mail from the signed-in user to one or more recipients.',
    parameters: {
      type: 'object',
      properties: {
        to: { type: 'array', items: { type: 'string', pattern: EMAIL_PATTERN }, minItems: 1, maxItems: 20, description: 'Recipient e-mail addresses.' },
        subject: { type: 'string', minLength: 1, maxLength: 255 },
        body: { type: 'string', maxLength: 20000, description: 'Plain-text body.' },
      },
      required: ['to', 'subject', 'body'],
      additionalProperties: false,
    },
    risk: 'external',
    scopes,
    delivers: { recipients: ['to'], content: ['subject', 'body'] },
    run: (rawArgs, ctx) =>
      runAction('send the mail', async () => {
        const args = rawArgs as unknown as SendMailArgs;
        const message = {
          subject: args.subject,
          body: { contentType: 'Text', content: args.body },
          toRecipients: args.to.map((address) => ({ emailAddress: { address } })),
        };
        await graph.call(ctx, scopes, 'POST', '/me/sendMail', { message, saveToSentItems: true });
        return { content: `Mail sent to ${args.to.length} recipient${args.to.length === 1 ? '' : 's'}.`, untrusted: false, data: { to: args.to } };
      }),
  };
}
