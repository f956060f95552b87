// Wires the Agents SDK AgentApplication: which activity goes to which route.
// The turn itself is the framework-free pipeline; routes only translate.
import { ActivityTypes, type Activity } from '@microsoft/agents-activity';
import { AgentApplication, CloudAdapter, RouteRank, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import { createLogger } from '../logging/logger.js';
import { actorFromActivity, messageText } from './activity-actor.js';
import { auditedTurnOf, noteTurn, type ActivityAudit } from './activity-audit.js';
import { registerFeedbackRoute } from './feedback-route.js';
import { SignInApplication } from './sign-in-application.js';
import type { SignInFlow } from './sso/sign-in-flow.js';
import type { TurnPipeline, TurnReply } from './turn-pipeline.js';

const log = createLogger('agent');

export interface AgentCommand {
  /** Matches the whole message, case-insensitive, optional leading slash. */
  names: string[];
  /** Also matches the name followed by words (the command reads them from the activity). */
  withArguments?: boolean;
  description: string;
  run(context: TurnContext): Promise<void>;
}

export interface MessageAnswererDeps {
  pipeline: TurnPipeline;
  /** Where a turn that needs the user's token goes: the question waits, the sign-in card goes out. */
  signIn?: Pick<SignInFlow, 'request'>;
  /** App roles of the user, when known (from the user's validated token). */
  rolesFor?: (context: TurnContext) => Promise<string[]>;
  /** Sends the cards of tool calls the turn held for a decision (approval routes). */
  announceHeld?: (context: TurnContext, held: NonNullable<TurnReply['held']>) => Promise<void>;
}

export type MessageAnswerer = (context: TurnContext, text: string) => Promise<void>;

/** Runs the turn pipeline for a text on behalf of the activity's sender and sends the reply. */
export function createMessageAnswerer(deps: MessageAnswererDeps): MessageAnswerer {
  return async (context, text) => {
    const actor = actorFromActivity(context.activity, (await deps.rolesFor?.(context)) ?? []);
    const reply = await deps.pipeline.runTurn({
      text,
      actor,
      conversationId: context.activity.conversation?.id ?? 'unknown',
      channelId: context.activity.channelId ?? 'unknown',
      record: auditedTurnOf(context),
    });
    if (reply.signInRequired && deps.signIn) {
      await deps.signIn.request(context, text, reply.signInChallenge);
      return;
    }
    await context.sendActivity(reply.text);
    if (reply.held && reply.held.length > 0 && deps.announceHeld) await deps.announceHeld(context, reply.held);
  };
}

export interface AgentAppDeps {
  adapter: CloudAdapter;
  answer: MessageAnswerer;
  modelLabel: string;
  commands?: AgentCommand[];
  /** Sign-in: the token exchange step ahead of routing and the other sign-in invoke routes. */
  signIn?: Pick<SignInFlow, 'handles' | 'exchange' | 'register'>;
  /** Extra routes (card actions) registered by their modules. */
  extend?: (app: AgentApplication<TurnState>) => void;
  /** Opens and writes the AgentTurn of each activity the agent acts on. */
  audit?: ActivityAudit;
}

export function helpText(modelLabel: string, commands: AgentCommand[]): string {
  const lines = [
    'I am a secure assistant for your Microsoft 365 data. I work only with what you yourself can access.',
    'Try: "what files do I have about the budget?", "who am I?", "show my recent files", "summarise the budget file".',
    'Commands: ' + ['help', ...commands.map((c) => c.names[0])].filter((v, i, a) => a.indexOf(v) === i).join(', '),
    `Model: ${modelLabel}`,
  ];
  return lines.join('\n\n');
}

export function createAgentApp(deps: AgentAppDeps): AgentApplication<TurnState> {
  const app = new SignInApplication({ adapter: deps.adapter, startTypingTimer: false }, deps.signIn, deps.audit);
  const commands = deps.commands ?? [];

  app.onConversationUpdate('membersAdded', async (context) => {
    const added = context.activity.membersAdded ?? [];
    if (added.some((m) => m.id !== context.activity.recipient?.id)) {
      await context.sendActivity(helpText(deps.modelLabel, commands));
    }
  });

  const commandFor = (text: string) => {
    const normalised = text.trim().replace(/^\//, '').toLowerCase();
    return commands.find((c) => c.names.includes(normalised) || (c.withArguments && c.names.some((n) => normalised.startsWith(`${n} `))));
  };

  app.onActivity(ActivityTypes.Message, async (context) => {
    const text = messageText(context.activity);
    const normalised = text.trim().replace(/^\//, '').toLowerCase();
    if (normalised === 'help' || normalised === '?') {
      noteTurn(context, { kind: 'command', name: 'help' });
      await context.sendActivity(helpText(deps.modelLabel, commands));
      return;
    }
    const command = commandFor(text);
    if (command) {
      noteTurn(context, { kind: 'command', name: command.names[0] });
      await command.run(context);
      return;
    }
    await deps.answer(context, text);
  });

  deps.signIn?.register(app);
  registerFeedbackRoute(app);
  deps.extend?.(app);

  // Any invoke no route claimed (a name this agent does not implement, or a card
  // action it does not know) is the caller's mistake: 400 with a short reason,
  // not the SDK's default 501, so no input a caller controls yields a 5xx.
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke,
    async (context) => {
      const name = context.activity.name;
      log.warn('unsupported invoke', { name: typeof name === 'string' && /^[A-Za-z0-9/_.-]{1,64}$/.test(name) ? name : 'other' });
      noteTurn(context, { outcome: 'ignored', result: 'unsupported-invoke' });
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 400, body: { error: 'unsupported invoke' } } } as Partial<Activity> as Activity);
    },
    true,
    RouteRank.Last,
  );

  app.onError(async (context, error) => {
    // The same reference as the activity's AgentTurn, so the user's id leads to the record.
    const correlationId = auditedTurnOf(context)?.correlationId ?? crypto.randomUUID();
    log.error('route failed', { correlationId, error });
    try {
      await context.sendActivity(`Sorry, something went wrong on our side. Reference: ${correlationId}`);
    } catch {
      // The channel may be unreachable; the log line above keeps the reference.
    }
  });

  return app;
}
