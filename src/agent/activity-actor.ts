// Reads who is talking and where from a Bot Framework activity. Only host/ and
// agent/ know the activity schema; everything after this works on TurnActor.
import type { Activity } from '@microsoft/agents-activity';
import type { TurnActor } from '../audit/turn-record.js';

export function actorFromActivity(activity: Activity, roles: string[] = []): TurnActor {
  // channelData is free-form JSON from the caller: only a non-empty string counts as an id.
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  return {
    userId: text(activity.from?.id) ?? 'unknown',
    aadObjectId: text(activity.from?.aadObjectId),
    tenantId: text(channelData?.tenant?.id) ?? text(activity.conversation?.tenantId),
    roles,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The user's text without the bot's @mention (Teams adds it in channels and group chats). */
export function messageText(activity: Activity): string {
  const text = typeof activity.text === 'string' ? activity.text : '';
  if (!text.includes('<at>')) return text;
  try {
    return activity.removeRecipientMention() ?? text;
  } catch {
    return text;
  }
}
