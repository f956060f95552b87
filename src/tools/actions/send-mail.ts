// send_mail: sends a plain-text mail as the signed-in user. Risk "external":
// the content leaves the user (and maybe the tenant), so the policy gates it.
import { z } from 'zod/v4';
import { defineTool, emailAddress } from '../define-tool.js';
import type { ToolDefinition } from '../tool.js';
import { runAction, type GraphCaller } from './graph-caller.js';

/** A named single-value extended property of ours: the approval's idempotency key travels with the sent mail. */
const IDEMPOTENCY_PROPERTY_ID = 'String {5d3c8f0e-2a61-4b7e-9c4d-8e1f6a2b7c30} Name SecureTeamsAgentIdempotencyKey';
const KEY_PATTERN = /^[0-9a-f-]{36}$/i;

interface SendMailArgs {
  to: string[];
  subject: string;
  body: string;
}

const sent = (to: string[]) => ({ content: `Mail sent to ${to.length} recipient${to.length === 1 ? '' : 's'}.`, untrusted: false, data: { to } });

export function sendMailTool(graph: GraphCaller): ToolDefinition {
  const scopes = ['Mail.Send'];
  const reconcileScopes = ['Mail.ReadBasic'];
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
        const key = ctx.idempotencyKey;
        const keyed = key ? { ...message, singleValueExtendedProperties: [{ id: IDEMPOTENCY_PROPERTY_ID, value: key }] } : message;
        // A write without de-duplication in Graph: only a 429 is retried (see graph-client).
        await graph.client(ctx, scopes).post('/me/sendMail', { message: keyed, saveToSentItems: true });
        return sent(args.to);
      }),
    reconcileScopes,
    // Sent (or still leaving) when a message carrying the key is in Sent Items or the Outbox. Mail.ReadBasic reads no bodies.
    reconcile: async (rawArgs, ctx) => {
      const key = ctx.idempotencyKey;
      if (!key || !KEY_PATTERN.test(key)) throw new Error('reconcile needs the idempotency key');
      const filter = encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${IDEMPOTENCY_PROPERTY_ID}' and ep/value eq '${key}')`);
      const client = graph.client(ctx, reconcileScopes);
      for (const folder of ['sentitems', 'outbox']) {
        const found = await client.get<{ value?: unknown[] }>(`/me/mailFolders/${folder}/messages?$filter=${filter}&$select=id&$top=1`);
        if ((found.value ?? []).length > 0) return { applied: true, result: sent((rawArgs as unknown as SendMailArgs).to) };
      }
      return { applied: false };
    },
  });
}
