// What the SDK's activity schema lets through but a turn cannot run with, checked
// before the adapter sees the body; and the schema's own rejection, which
// CloudAdapter.process throws from Activity.fromObject before any turn starts
// (the schema runs once per activity, in the adapter), as a short reason that
// names the field and the rule, never the caller's value. Both become a 400.

export type ActivityCheck = { ok: true } | { ok: false; reason: string };

const MAX_REASON_CHARS = 200;
const dateFields = ['timestamp', 'localTimestamp', 'expiration'] as const;

/** Checks beyond the schema. Runs before the schema, so it reads every field defensively. */
export function checkActivity(body: Record<string, unknown>): ActivityCheck {
  // The SDK accepts these unparseable and fails later, inside the turn.
  for (const field of dateFields) {
    const value = body[field];
    if (typeof value === 'string' && Number.isNaN(Date.parse(value))) return { ok: false, reason: `${field}: not a date` };
  }
  // The SDK reads mention.mentioned.id when it strips the bot's own mention from the text.
  const entities = Array.isArray(body.entities) ? (body.entities as Array<{ type?: unknown; mentioned?: { id?: unknown } | null } | null>) : [];
  const mentionIndex = entities.findIndex((e) => typeof e?.type === 'string' && e.type.toLowerCase() === 'mention' && typeof e.mentioned?.id !== 'string');
  if (mentionIndex >= 0) return { ok: false, reason: `entities.${mentionIndex}.mentioned.id is required on a mention` };
  // AgentApplication keys turn state by channel, conversation, user and bot: it needs all four.
  for (const [path, value] of [
    ['channelId', body.channelId],
    ['conversation.id', (body.conversation as { id?: unknown } | undefined)?.id],
    ['from.id', (body.from as { id?: unknown } | undefined)?.id],
    ['recipient.id', (body.recipient as { id?: unknown } | undefined)?.id],
  ] as const) {
    if (typeof value !== 'string' || value.length === 0) return { ok: false, reason: `${path} is required` };
  }
  // Without expectReplies the reply is posted to serviceUrl; without one the turn could only fail.
  if (body.deliveryMode !== 'expectReplies' && body.serviceUrl === undefined) return { ok: false, reason: 'serviceUrl is required unless deliveryMode is expectReplies' };
  return { ok: true };
}

interface SchemaIssue {
  code: string;
  path: Array<string | number>;
  expected?: string;
  received?: string;
}

/**
 * The reason when `err` is the activity schema's rejection (a zod error: the SDK bundles its own
 * copy of zod, so it is recognised by shape, not by class); undefined for any other error.
 */
export function schemaRejection(err: unknown): string | undefined {
  const issues = (err as { issues?: SchemaIssue[] } | undefined)?.issues;
  if (!Array.isArray(issues)) return undefined;
  if (issues.length === 0) return 'the activity does not match the Bot Framework schema';
  const issue = issues[0]!;
  const path = issue.path.map(String).join('.') || 'activity';
  const detail = issue.code === 'invalid_type' ? `expected ${issue.expected}, received ${issue.received}` : issue.code.replace(/_/g, ' ');
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${path}: ${detail}${more}`.slice(0, MAX_REASON_CHARS);
}
