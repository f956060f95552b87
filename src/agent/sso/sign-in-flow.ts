// The one place sign-in happens. A turn that needs the user's token asks for
// sign-in here (the question waits, the card goes out); the token exchange is
// answered here, and what comes back is the waiting question as a message
// activity, which the application routes like any other message. Nothing here
// calls back into the answerer.
import { Activity, ActivityTypes, type Attachment } from '@microsoft/agents-activity';
import { MessageFactory, type AgentApplication, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import { actorFromActivity } from '../activity-actor.js';
import { noteTurn } from '../activity-audit.js';
import { WaitingQuestions, type WaitingQuestion } from '../waiting-questions.js';
import { exchangeToken, isTokenExchange, signInFailure, verifyState, type SignInDemand, type TokenExchangeDeps } from './sso-invoke-handler.js';
import { bindingKey } from './sso-token-store.js';

export interface SignInFlow {
  /** True for the invoke that the sign-in step answers before routing (signin/tokenExchange). */
  handles(activity: Activity): boolean;
  /** Answers the token exchange; returns the message the sender left waiting, to be routed now. */
  exchange(context: TurnContext): Promise<Activity | undefined>;
  /** Holds the question and sends the sign-in card. `demand`: what a resource asked the sign-in to meet. */
  request(context: TurnContext, text: string, demand?: SignInDemand): Promise<void>;
  /** Invoke routes for signin/verifyState and signin/failure. */
  register(app: AgentApplication<TurnState>): void;
}

export interface SignInFlowDeps extends TokenExchangeDeps {
  signInCard(text?: string): Attachment;
  waiting?: WaitingQuestions;
}

const stepUpText = 'Your organisation asks you to sign in again (for example with multi-factor authentication) before I can do this. I will answer your question once you have.';

export function createSignInFlow(deps: SignInFlowDeps): SignInFlow {
  const waiting = deps.waiting ?? new WaitingQuestions();
  const keyOf = (activity: Activity) => `${bindingKey(actorFromActivity(activity))}|${activity.conversation?.id ?? ''}`;

  return {
    handles: isTokenExchange,
    async exchange(context) {
      const key = keyOf(context.activity);
      const outcome = await exchangeToken(context, deps, waiting.peek(key)?.demand);
      noteTurn(context, { outcome: outcome === 'signed-in' ? 'signed-in' : outcome === 'duplicate' ? 'ignored' : 'sign-in-failed', result: outcome });
      if (outcome !== 'signed-in') return undefined;
      const question = waiting.take(key);
      return question ? replayOf(context.activity, question) : undefined;
    },
    async request(context, text, demand) {
      waiting.hold(keyOf(context.activity), { text, demand });
      await context.sendActivity(MessageFactory.attachment(deps.signInCard(demand ? stepUpText : undefined)));
    },
    register(app) {
      const invoke = (name: string) => async (context: TurnContext) => context.activity.type === ActivityTypes.Invoke && context.activity.name === name;
      const failed = (context: TurnContext, result: string) => noteTurn(context, { outcome: 'sign-in-failed', result });
      app.addRoute(invoke('signin/verifyState'), async (context) => failed(context, await verifyState(context)), true);
      app.addRoute(invoke('signin/failure'), async (context) => failed(context, await signInFailure(context)), true);
    },
  };
}

/** The waiting question as a message from the same sender in the same conversation (never the invoke's value, which holds the token). */
function replayOf(invoke: Activity, question: WaitingQuestion): Activity {
  return Activity.fromObject({
    type: ActivityTypes.Message,
    id: invoke.id,
    text: question.text,
    channelId: invoke.channelId,
    serviceUrl: invoke.serviceUrl,
    from: invoke.from,
    recipient: invoke.recipient,
    conversation: invoke.conversation,
    channelData: invoke.channelData,
    locale: invoke.locale,
  });
}
