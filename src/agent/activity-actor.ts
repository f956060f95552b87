// Reads who is talking and where from a Bot Framework activity. Only host/ and
// agent/ know the activity schema; everything after this works on TurnActor.
import type { Activity } from '@microsoft/agents-activity';
import type { TurnActor } from '../audit/turn-record.js';

export function actorFromActivity(activity: Activity, roles: string[] = []): TurnActor {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return {
    userId: activity.from?.id ?? 'unknown',
    aadObjectId: activity.from?.aadObjectId,
    tenantId: channelData?.tenant?.id ?? activity.conversation?.tenantId,
    roles,
  };
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
