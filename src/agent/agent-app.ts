// Wires the Agents SDK AgentApplication: which activity goes to which route.
// The turn itself is the framework-free pipeline; routes only translate.
import { ActivityTypes, type Activity } from '@microsoft/agents-activity';
import { AgentApplication, CloudAdapter, RouteRank, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import { createLogger } from '../logging/logger.js';
import { actorFromActivity, messageText } from './activity-actor.js';
import { auditedTurnOf, noteTurn, type ActivityAudit } from './activity-audit.js';
import type { FeedbackLinks } from './feedback-links.js';
import { registerFeedbackRoute } from './feedback-route.js';
import { isModelAnswer, replyActivity } from './reply-activity.js';
import { SignInApplication } from './sign-in-application.js';
import type { SignInFlow } from './sso/sign-in-flow.js';
import type { TurnPipeline, TurnReply } from './turn-pipeline.js';
import { resolveTimeZone } from '../tools/local-time.js';

const log = createLogger('agent');

export interface AgentCommand {
  /** Matches the whole message, case-insensitive, optional leading slash. */
  names: string[];
  /** Also matches the name followed by words (the command reads them from the activity). */
  withArguments?: boolean;
  description: string;
  /** Still runs in maintenance mode (sign-out, the Admin and Auditor commands); every other message gets the maintenance reply. */
  inMaintenance?: boolean;
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
  /** Where each answer's reply id → turn goes, so feedback on it reaches that turn's record. */
  feedbackLinks?: FeedbackLinks;
}

export type MessageAnswerer = (context: TurnContext, text: string) => Promise<void>;

/** Runs the turn pipeline for a text on behalf of the activity's sender and sends the reply. */
export function createMessageAnswerer(deps: MessageAnswererDeps): MessageAnswerer {
  return async (context, text) => {
    const actor = actorFromActivity(context.activity, (await deps.rolesFor?.(context)) ?? []);
    const timeZone = resolveTimeZone(timeZoneOf(context.activity));
    const conversationId = context.activity.conversation?.id ?? 'unknown';
    const reply = await deps.pipeline.runTurn({
      text,
      actor,
      conversationId,
      channelId: context.activity.channelId ?? 'unknown',
      timeZone: timeZone.zone,
      record: auditedTurnOf(context),
    });
    if (reply.signInRequired && deps.signIn) {
      await deps.signIn.request(context, text, reply.signInChallenge);
      return;
    }
    const sent = await context.sendActivity(replyActivity(reply, { timeZone }));
    // The id the channel gave the reply is what its feedback buttons send back (none with expectReplies).
    if (deps.feedbackLinks && isModelAnswer(reply) && sent?.id) await deps.feedbackLinks.remember(conversationId, sent.id, reply.record);
    if (reply.held && reply.held.length > 0 && deps.announceHeld) await deps.announceHeld(context, reply.held);
  };
}

/** The user's IANA zone as Teams sends it: the activity's localTimezone, else the clientInfo entity's. */
function timeZoneOf(activity: Activity): unknown {
  if (activity.localTimezone) return activity.localTimezone;
  return (activity.entities ?? []).find((e) => e.type === 'clientInfo')?.timezone;
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
  /** The kill switch's maintenance mode: while it is active, every message gets `reply` and nothing else runs. */
  maintenance?: { active(): Promise<boolean>; reply: string };
  /** Links feedback to the turn it rates (the answerer writes the links). */
  feedbackLinks?: FeedbackLinks;
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
    const command = commandFor(text);
    if (!command?.inMaintenance && deps.maintenance && (await deps.maintenance.active())) {
      noteTurn(context, { outcome: 'replied', result: 'maintenance' });
      await context.sendActivity(deps.maintenance.reply);
      return;
    }
    if (normalised === 'help' || normalised === '?') {
      noteTurn(context, { kind: 'command', name: 'help' });
      await context.sendActivity(helpText(deps.modelLabel, commands));
      return;
    }
    if (command) {
      noteTurn(context, { kind: 'command', name: command.names[0] });
      await command.run(context);
      return;
    }
    // Typing until the answer goes out (the SDK timer stops at the first message). A caller that
    // takes its replies in the HTTP response (expectReplies) has no channel to send typing on.
    if (context.activity.deliveryMode !== 'expectReplies') app.startTypingTimer(context);
    await deps.answer(context, text);
  });

  deps.signIn?.register(app);
  registerFeedbackRoute(app, deps.feedbackLinks);
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
