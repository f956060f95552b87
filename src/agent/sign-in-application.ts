// The AgentApplication with a sign-in step in front of routing, where the SDK
// puts its own authorization. Why not a route: in @microsoft/agents-hosting
// 1.8.1 AgentApplication.runInternal always runs signin/tokenExchange as a
// detached long-running call (continueConversation) before any route is chosen,
// so a route's invoke response would never reach Teams and a failed exchange
// could not answer 412. The step answers the exchange within the request, then,
// as the SDK does after its own sign-in (Agents-for-js #1013), routes the
// message that waited for sign-in in a detached turn, so the invoke is answered
// promptly however long the answer takes.
import type { Activity } from '@microsoft/agents-activity';
import { AgentApplication, TurnContext, type AgentApplicationOptions, type TurnState } from '@microsoft/agents-hosting';
import type { ActivityAudit } from './activity-audit.js';

export interface SignInStep {
  handles(activity: Activity): boolean;
  /** Answers the activity; returns a message to route afterwards, if any. */
  exchange(context: TurnContext): Promise<Activity | undefined>;
}

// dev-anonymous requests carry no caller identity; an empty claim set is what the SDK treats as anonymous.
const anonymous = {} as TurnContext['identity'];

export class SignInApplication extends AgentApplication<TurnState> {
  constructor(
    options: Partial<AgentApplicationOptions<TurnState>>,
    private readonly signIn?: SignInStep,
    private readonly audit?: ActivityAudit,
  ) {
    super(options);
  }

  /** Every activity passes here: its AgentTurn is opened first and written once it is done, whatever happened. */
  override async runInternal(context: TurnContext): Promise<boolean> {
    const record = await this.audit?.begin(context);
    let handled = false;
    try {
      handled = record ? await this.audit!.run(context, record, () => this.route(context)) : await this.route(context);
      return handled;
    } catch (err) {
      if (record) this.audit!.fail(record, err);
      throw err;
    } finally {
      if (record) await this.audit!.end(context, record, handled);
    }
  }

  private async route(context: TurnContext): Promise<boolean> {
    if (!this.signIn?.handles(context.activity)) return super.runInternal(context);
    const next = await this.signIn.exchange(context);
    if (next) {
      // The question that waited for sign-in is a turn of its own, with its own AgentTurn.
      const followUp = new TurnContext(context.adapter, next, context.identity ?? anonymous);
      this.startLongRunningCall(followUp, (detached) => this.runInternal(detached));
    }
    return true;
  }
}
