// send_mail: sends a plain-text mail as the signed-in user. Risk "external":
// the content leaves the user (and maybe the tenant), so the policy gates it.
import { z } from 'zod/v4';
import { defineTool, emailAddress } from '../define-tool.js';
import type { ToolDefinition } from '../tool.js';
import { runAction, type GraphCaller } from './graph-caller.js';

interface SendMailArgs {
  to: string[];
  subject: string;
  body: string;
}

export function sendMailTool(graph: GraphCaller): ToolDefinition {
  const scopes = ['Mail.Send'];
  return defineTool({
    name: 'send_mail',
    description: 'Send a plain-text e-mail from the signed-in user to one or more recipients.',
    arguments: z.object({
      to: z.array(emailAddress()).min(1).max(20).describe('Recipient e-mail addresses.'),
      subject: z.string().min(1).max(255),
      body: z.string().max(20000).describe('Plain-text body.'),
    }),
    risk: 'external',
    scopes,
    roles: { to: 'recipient', subject: 'content', body: 'content' },
    // Its replies are its own text ("Mail sent to 2 recipients").
    results: 'as-marked',
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
  });
}
