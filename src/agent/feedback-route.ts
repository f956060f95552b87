// Teams feedback buttons (like / dislike on a reply) arrive as the invoke
// message/submitAction with actionName "feedback" and the rated reply's id as
// replyToId. The reaction goes on the feedback's AgentTurn together with the
// turn it rates (feedbackOn), found through the reply id; only the user who
// asked may rate the answer. The free text follows the audit text policy.
import { ActivityTypes, type Activity } from '@microsoft/agents-activity';
import type { AgentApplication, TurnContext, TurnState } from '@microsoft/agents-hosting';
import { textForAudit } from '../audit/text-policy.js';
import { actorFromActivity } from './activity-actor.js';
import { auditedTurnOf, noteTurn } from './activity-audit.js';
import type { FeedbackLinks } from './feedback-links.js';

interface FeedbackValue {
  actionName?: unknown;
  actionValue?: { reaction?: unknown; feedback?: unknown };
}

function feedbackText(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed = JSON.parse(raw) as { feedbackText?: unknown };
    return typeof parsed.feedbackText === 'string' ? parsed.feedbackText.slice(0, 2000) : undefined;
  } catch {
    return raw.slice(0, 2000);
  }
}

const replyIdOf = (activity: Activity) => (typeof activity.replyToId === 'string' && activity.replyToId.length > 0 && activity.replyToId.length <= 512 ? activity.replyToId : undefined);

export function registerFeedbackRoute(app: AgentApplication<TurnState>, links?: FeedbackLinks): void {
  const isFeedback = async (context: TurnContext) =>
    context.activity.type === ActivityTypes.Invoke && context.activity.name === 'message/submitAction' && (context.activity.value as FeedbackValue | undefined)?.actionName === 'feedback';
  const respond = (context: TurnContext, status: number, body?: unknown) => context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, ...(body ? { body } : {}) } } as Partial<Activity> as Activity);
  app.addRoute(
    isFeedback,
    async (context) => {
      const value = (context.activity.value ?? {}) as FeedbackValue;
      const reaction = value.actionValue?.reaction === 'like' || value.actionValue?.reaction === 'dislike' ? value.actionValue.reaction : 'unknown';
      const record = auditedTurnOf(context);
      const replyId = replyIdOf(context.activity);
      const conversationId = context.activity.conversation?.id;
      const lookup = links && replyId && conversationId ? await links.find(conversationId, replyId, actorFromActivity(context.activity)) : { found: false as const };
      if (lookup.found && !lookup.sameUser) {
        // Someone rating another user's answer (a forged or replayed invoke): not recorded against that turn.
        noteTurn(context, { kind: 'feedback', outcome: 'denied', result: 'not-your-answer' });
        await respond(context, 403, { error: 'you can only rate answers to your own questions' });
        return;
      }
      noteTurn(context, { kind: 'feedback', outcome: 'replied', result: reaction });
      if (record && lookup.found) record.feedbackOn = { turnId: lookup.link.turnId, operationId: lookup.link.operationId };
      const text = record ? textForAudit(record.textPolicy, feedbackText(value.actionValue?.feedback)) : undefined;
      if (record && text !== undefined) record.promptText = text;
      await respond(context, 200);
    },
    true,
  );
}
