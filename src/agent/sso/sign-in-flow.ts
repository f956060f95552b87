// The one place sign-in happens. A turn that needs the user's token asks for
// sign-in here (the question waits, the card goes out); the token exchange is
// answered here, and what comes back is the waiting question as a message
// activity, which the application routes like any other message. Nothing here
// calls back into the answerer.
import { Activity, ActivityTypes, type Attachment } from '@microsoft/agents-activity';
import { MessageFactory, type AgentApplication, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import { actorFromActivity } from '../activity-actor.js';
import { noteTurn } from '../activity-audit.js';
import type { WaitingQuestion, WaitingQuestions } from '../waiting-questions.js';
import { exchangeToken, isTokenExchange, signInFailure, verifyState, type SignInDemand, type TokenExchangeDeps } from './sso-invoke-handler.js';
import { bindingKey } from './sso-token-store.js';
import { createLogger } from '../../logging/logger.js';
import { StateError } from '../../state/state-errors.js';

const log = createLogger('identity.sso');

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
  /** Questions held until sign-in, in the shared state store (the sign-in may reach another instance). */
  waiting: WaitingQuestions;
}

const stepUpText = 'Your organisation asks you to sign in again (for example with multi-factor authentication) before I can do this. I will answer your question once you have.';

const lostText = 'You are signed in, but I could not retrieve the question you asked before. Please ask it again.';
const notKeptText = 'I could not keep your question while you sign in. Once you are signed in, please ask it again.';

/** A state store failure becomes undefined (logged); anything else is a bug and propagates. */
async function orUndefined<T>(work: Promise<T>, what: string): Promise<T | undefined> {
  try {
    return await work;
  } catch (err) {
    if (!(err instanceof StateError)) throw err;
    log.warn(`waiting question: ${what} failed`, { code: err.code, backend: err.backend });
    return undefined;
  }
}

export function createSignInFlow(deps: SignInFlowDeps): SignInFlow {
  const { waiting } = deps;
  const keyOf = (activity: Activity) => `${bindingKey(actorFromActivity(activity))}|${activity.conversation?.id ?? ''}`;

  return {
    handles: isTokenExchange,
    async exchange(context) {
      const key = keyOf(context.activity);
      const outcome = await exchangeToken(context, deps, (await orUndefined(waiting.peek(key), 'peek'))?.demand);
      noteTurn(context, { outcome: outcome === 'signed-in' ? 'signed-in' : outcome === 'duplicate' ? 'ignored' : 'sign-in-failed', result: outcome });
      if (outcome !== 'signed-in') return undefined;
      let question: WaitingQuestion | undefined;
      try {
        question = await waiting.take(key);
      } catch (err) {
        if (!(err instanceof StateError)) throw err;
        log.warn('waiting question: take failed', { code: err.code, backend: err.backend });
        await context.sendActivity(lostText);
        return undefined;
      }
      return question ? replayOf(context.activity, question) : undefined;
    },
    async request(context, text, demand) {
      const kept = await orUndefined(waiting.hold(keyOf(context.activity), { text, demand }).then(() => true), 'hold');
      if (!kept) await context.sendActivity(notKeptText);
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
