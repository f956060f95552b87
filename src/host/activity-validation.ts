// Checks an inbound body against the SDK's own activity schema before the
// adapter sees it: CloudAdapter.process parses it with Activity.fromObject and a
// schema error thrown there would surface as a 500. Here it becomes a 400 with a
// short reason that names the field and the rule, never the caller's value.
import { Activity } from '@microsoft/agents-activity';

export type ActivityCheck = { ok: true } | { ok: false; reason: string };

const MAX_REASON_CHARS = 200;
const dateFields = ['timestamp', 'localTimestamp', 'expiration'] as const;

export function checkActivity(body: Record<string, unknown>): ActivityCheck {
  try {
    Activity.fromObject(asTheAdapterReadsIt(body));
  } catch (err) {
    return { ok: false, reason: describe(err) };
  }
  // The SDK accepts these unparseable and fails later, inside the turn.
  for (const field of dateFields) {
    const value = body[field];
    if (typeof value === 'string' && Number.isNaN(Date.parse(value))) return { ok: false, reason: `${field}: not a date` };
  }
  // The SDK reads mention.mentioned.id when it strips the bot's own mention from the text.
  const entities = Array.isArray(body.entities) ? (body.entities as Array<{ type?: unknown; mentioned?: { id?: unknown } | null }>) : [];
  const mentionIndex = entities.findIndex((e) => String(e.type).toLowerCase() === 'mention' && typeof e.mentioned?.id !== 'string');
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

// The adapter renames relatesTo.bot to relatesTo.agent before parsing; validate what it will parse.
function asTheAdapterReadsIt(body: Record<string, unknown>): Record<string, unknown> {
  const relatesTo = body.relatesTo as Record<string, unknown> | null | undefined;
  if (!relatesTo || typeof relatesTo !== 'object' || !relatesTo.bot) return body;
  const { bot, ...rest } = relatesTo;
  return { ...body, relatesTo: { ...rest, agent: bot } };
}

interface SchemaIssue {
  code: string;
  path: Array<string | number>;
  expected?: string;
  received?: string;
}

// The SDK bundles its own copy of zod, so its errors are recognised by shape, not by class.
function describe(err: unknown): string {
  const issues = (err as { issues?: SchemaIssue[] } | undefined)?.issues;
  if (!Array.isArray(issues) || issues.length === 0) return 'the activity does not match the Bot Framework schema';
  const issue = issues[0]!;
  const path = issue.path.map(String).join('.') || 'activity';
  const detail = issue.code === 'invalid_type' ? `expected ${issue.expected}, received ${issue.received}` : issue.code.replace(/_/g, ' ');
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${path}: ${detail}${more}`.slice(0, MAX_REASON_CHARS);
}
