// The Auditor's view of the audit trail as an Adaptive Card: the newest turns
// (all, one user's or one conversation's), a page at a time, with the state of
// the chain. Metadata only: prompt and response text stay in the log.
import type { Attachment } from '@microsoft/agents-activity';
import type { AuditEntry } from '../audit/audit-entry.js';
import type { TurnRecord } from '../audit/turn-record.js';

export interface AuditQuery {
  user?: string;
  conversation?: string;
  page: number;
}

/** `audit [user <oid>] [conversation <id>] [page <n>]`, words split on spaces (no regex over the user's text). */
export function parseAuditQuery(text: string): AuditQuery {
  const words = text.trim().replace(/^\//, '').split(/\s+/).slice(0, 12);
  const query: AuditQuery = { page: 1 };
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!.toLowerCase();
    const value = words[i + 1]?.slice(0, 200);
    if (word === 'log') continue;
    if (word === 'user' && value) query.user = value;
    else if (word === 'conversation' && value) query.conversation = value;
    else if (word === 'page' && value && /^\d{1,4}$/.test(value)) query.page = Math.max(1, Number(value));
    else continue;
    i++; // the value was used: skip it
  }
  return query;
}

export function matchesAuditQuery(query: AuditQuery): (body: unknown) => boolean {
  return (body) => {
    const r = body as Partial<TurnRecord>;
    if (query.user && r.actor?.aadObjectId !== query.user && r.actor?.userId !== query.user) return false;
    if (query.conversation && r.conversationId !== query.conversation) return false;
    return true;
  };
}

function commandFor(query: AuditQuery, page: number): string {
  return ['audit', query.user ? `user ${query.user}` : '', query.conversation ? `conversation ${query.conversation}` : '', `page ${page}`].filter(Boolean).join(' ');
}

function turnRow(entry: AuditEntry): Record<string, unknown> {
  const r = entry.body as Partial<TurnRecord>;
  const blocked = (r.guardVerdicts ?? []).filter((v) => v.action === 'block').map((v) => `${v.channel}:${v.guard}`);
  const tools = (r.toolCalls ?? []).map((c) => `${String(c.tool)}:${String(c.decision ?? '?')}`);
  const facts = [
    { title: 'When', value: entry.at },
    { title: 'What', value: `${r.kind ?? r.activityType ?? '?'}${r.name ? ` (${r.name})` : ''} → ${r.outcome ?? '?'}${r.result ? ` · ${r.result}` : ''}` },
    { title: 'Who', value: `${r.actor?.aadObjectId ?? r.actor?.userId ?? '?'} · ${r.channel ?? r.channelId ?? '?'}` },
    { title: 'Conversation', value: String(r.conversationId ?? '?').slice(0, 60) },
    ...(blocked.length ? [{ title: 'Blocked by', value: blocked.join(', ') }] : []),
    ...(tools.length ? [{ title: 'Tools', value: tools.join(', ') }] : []),
    ...(r.dataSources?.length ? [{ title: 'Files read', value: String(r.dataSources.reduce((n, d) => n + d.ids.length, 0)) }] : []),
    { title: 'Turn', value: `#${entry.seq} · ${r.correlationId ?? ''}` },
  ];
  return { type: 'Container', separator: true, items: [{ type: 'FactSet', facts }] };
}

export function buildAuditCard(input: { chain: string; chainOk: boolean; query: AuditQuery; entries: AuditEntry[]; pageSize: number }): Attachment {
  const { query, entries } = input;
  const scope = query.user ? `user ${query.user}` : query.conversation ? `conversation ${query.conversation}` : 'all users';
  const actions: Array<Record<string, unknown>> = [];
  // imBack: the button sends the next command as the auditor's own message, so paging is an audited turn too.
  if (entries.length === input.pageSize) actions.push({ type: 'Action.Submit', title: 'Older', data: { msteams: { type: 'imBack', value: commandFor(query, query.page + 1) } } });
  if (query.page > 1) actions.push({ type: 'Action.Submit', title: 'Newer', data: { msteams: { type: 'imBack', value: commandFor(query, query.page - 1) } } });
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: `Audit trail: ${scope}, page ${query.page}`, weight: 'Bolder', size: 'Medium', wrap: true },
        { type: 'TextBlock', text: `Audit log: ${input.chain}.`, wrap: true, color: input.chainOk ? 'Good' : 'Attention' },
        ...(entries.length ? [...entries].reverse().map(turnRow) : [{ type: 'TextBlock', text: 'No turns recorded yet.', wrap: true }]),
      ],
      actions,
    },
  };
}
