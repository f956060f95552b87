// Teams feedback buttons (like / dislike on a reply) arrive as the invoke
// message/submitAction with actionName "feedback". The reaction goes on the
// AgentTurn; the free text the user typed follows the audit text policy.
import { ActivityTypes, type Activity } from '@microsoft/agents-activity';
import type { AgentApplication, TurnContext, TurnState } from '@microsoft/agents-hosting';
import { textForAudit } from '../audit/text-policy.js';
import { auditedTurnOf, noteTurn } from './activity-audit.js';

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

export function registerFeedbackRoute(app: AgentApplication<TurnState>): void {
  const isFeedback = async (context: TurnContext) =>
    context.activity.type === ActivityTypes.Invoke && context.activity.name === 'message/submitAction' && (context.activity.value as FeedbackValue | undefined)?.actionName === 'feedback';
  app.addRoute(
    isFeedback,
    async (context) => {
      const value = (context.activity.value ?? {}) as FeedbackValue;
      const reaction = value.actionValue?.reaction === 'like' || value.actionValue?.reaction === 'dislike' ? value.actionValue.reaction : 'unknown';
      noteTurn(context, { kind: 'feedback', outcome: 'replied', result: reaction });
      const record = auditedTurnOf(context);
      const text = record ? textForAudit(record.textPolicy, feedbackText(value.actionValue?.feedback)) : undefined;
      if (record && text !== undefined) record.promptText = text;
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } } as Partial<Activity> as Activity);
    },
    true,
  );
}
